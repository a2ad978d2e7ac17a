import { describe, expect, it } from 'vitest';
import { checkCyrillicText, normalizeCyrillicText } from '../../../../shared/validation';

const check = (value: string, opts?: Parameters<typeof checkCyrillicText>[3]) =>
  checkCyrillicText('applicant.surname', 'Фамилия', value, opts);

describe('checkCyrillicText: accepted text', () => {
  it.each([
    'Иванов',
    'Ёлкин-Пётр',
    'Вуліца Янкі Купалы, д. 5',
    'Мар’іна Горка',
    "Мар'іна Горка",
    'Мар\u02bcіна Горка',
    'г. Минск, пр-т Независимости, 4 — 12',
    'ООО «Ромашка» № 5; 10% (скидка) + 3 = «ок»!?',
    'кв.\u00a012',
    'Ўсё добра…',
  ])('%s', (value) => {
    expect(check(value)).toEqual([]);
  });

  it('accepts decomposed й and ё (letter + combining mark)', () => {
    expect(check('Мои\u0306сеенко Пе\u0308тр')).toEqual([]);
  });

  it('accepts newlines and tabs only when multiline', () => {
    expect(check('Строка один\r\nСтрока два\tи всё', { multiline: true })).toEqual([]);
    const issues = check('Строка\nдва');
    expect(issues).toMatchObject([{ rule: 'script', char: '\n', position: 7 }]);
    expect(issues[0]?.message).toContain('U+000A (перевод строки)');
  });
});

describe('checkCyrillicText: required and blank', () => {
  it('empty and whitespace-only are required issues when required', () => {
    for (const value of ['', '   ', '\u00a0 ']) {
      expect(check(value, { required: true })).toEqual([
        { field: 'applicant.surname', rule: 'required', message: 'Поле «Фамилия» обязательно для заполнения' },
      ]);
    }
  });

  it('null and undefined count as empty', () => {
    expect(check(null as unknown as string, { required: true })[0]?.rule).toBe('required');
    expect(checkCyrillicText('x', 'Отчество', undefined)).toEqual([]);
  });

  it('blank optional fields pass', () => {
    expect(check('')).toEqual([]);
    expect(check('   ')).toEqual([]);
    expect(check('\n\n', { multiline: true })).toEqual([]);
  });

  it('a zero-width space is not blank: it is an invisible offending character', () => {
    const issues = check('\u200b', { required: true });
    expect(issues).toMatchObject([{ rule: 'script', char: '\u200b', position: 1 }]);
    expect(issues[0]?.message).toContain('U+200B (пробел нулевой ширины)');
  });
});

describe('checkCyrillicText: offending characters', () => {
  it('names a foreign letter with its 1-based position', () => {
    expect(check('Ивqнов')).toEqual([
      {
        field: 'applicant.surname',
        rule: 'script',
        message:
          'Поле «Фамилия»: недопустимый символ «q» в позиции 3 — допускаются только буквы русского и белорусского алфавитов',
        char: 'q',
        position: 3,
      },
    ]);
  });

  it('a Latin «о» inside «Иванов» is a latin-lookalike', () => {
    expect(check('Ивaнов')).toEqual([
      {
        field: 'applicant.surname',
        rule: 'latin-lookalike',
        message: 'Поле «Фамилия»: латинская буква «a» в позиции 3 внутри русского слова — замените на кириллическую',
        char: 'a',
        position: 3,
      },
    ]);
    expect(check('Иванoв')).toMatchObject([{ rule: 'latin-lookalike', char: 'o', position: 5 }]);
  });

  it('look-alikes at the edge of a word and as a whole word next to Cyrillic', () => {
    expect(check('Cоветская')).toMatchObject([{ rule: 'latin-lookalike', char: 'C', position: 1 }]);
    const preposition = check('c Ивановым');
    expect(preposition).toMatchObject([{ rule: 'latin-lookalike', char: 'c', position: 1 }]);
    expect(preposition[0]?.message).toContain('рядом с русским словом');
    expect(check('OOO «Ромашка»').map((i) => i.rule)).toEqual([
      'latin-lookalike',
      'latin-lookalike',
      'latin-lookalike',
    ]);
    expect(check('кв. 5A')).toMatchObject([{ rule: 'latin-lookalike', char: 'A', position: 6 }]);
  });

  it('a Latin i in a Belarusian word is reported as such', () => {
    const issues = check('Мар’iна');
    expect(issues).toMatchObject([{ rule: 'latin-lookalike', char: 'i', position: 5 }]);
    expect(issues[0]?.message).toContain('внутри белорусского слова');
  });

  it('look-alikes in a Latin word are plain script errors', () => {
    expect(check('Ivanov').every((i) => i.rule === 'script')).toBe(true);
    expect(check('Hello Мир')[0]?.rule).toBe('script');
  });

  it('counts an emoji (surrogate pair) as one position', () => {
    const issues = check('Ок 😀 да 👍');
    expect(issues).toMatchObject([
      { rule: 'script', char: '😀', position: 4 },
      { rule: 'script', char: '👍', position: 9 },
    ]);
    expect(issues[0]?.message).toContain('«😀»');
  });

  it('reports control, zero-width and bidi characters by code', () => {
    expect(check('Ив\u200bанов')).toMatchObject([{ rule: 'script', char: '\u200b', position: 3 }]);
    expect(check('А\u0000Б')[0]?.message).toContain('U+0000 (управляющий символ)');
    expect(check('А\u202eБ')[0]?.message).toContain('U+202E (невидимый символ форматирования)');
    expect(check('А\tБ')[0]?.message).toContain('U+0009 (табуляция)');
    expect(check('А\u2003Б')[0]?.message).toContain('U+2003 (особый пробел)');
  });

  it('rejects a combining mark that does not make an allowed letter', () => {
    expect(check('Ива\u0301нов')).toMatchObject([{ rule: 'script', char: '\u0301', position: 4 }]);
    expect(check('І\u0308ж')).toMatchObject([{ rule: 'script', position: 2 }]);
  });

  it('rejects signs outside the documented set', () => {
    for (const sign of ['<', '>', '{', '}', '|', '\\', '^', '~', '`', '$', '€']) {
      expect(check(`А${sign}Б`)).toMatchObject([{ rule: 'script', char: sign, position: 2 }]);
    }
  });

  it('reports at most three characters one by one and counts the rest', () => {
    const issues = check('Иван qwzjd');
    expect(issues.filter((i) => i.position !== undefined).map((i) => i.position)).toEqual([6, 7, 8]);
    expect(issues[3]).toEqual({
      field: 'applicant.surname',
      rule: 'script',
      message: 'Поле «Фамилия»: и ещё 2 недопустимых символа',
    });
    expect(check('Иван qwzjdfgl')[3]?.message).toBe('Поле «Фамилия»: и ещё 5 недопустимых символов');
  });
});

describe('checkCyrillicText: too-long', () => {
  it('counts code points against maxLength', () => {
    expect(check('Иванов', { maxLength: 6 })).toEqual([]);
    expect(check('Иванова', { maxLength: 6 })).toEqual([
      {
        field: 'applicant.surname',
        rule: 'too-long',
        message: 'Поле «Фамилия» слишком длинное: 7 символов, допускается не более 6',
      },
    ]);
  });

  it('reports too-long together with character issues', () => {
    expect(check('Ивqнов', { maxLength: 3 }).map((i) => i.rule)).toEqual(['script', 'too-long']);
  });
});

describe('normalizeCyrillicText', () => {
  it('composes, unifies line ends and trims', () => {
    expect(normalizeCyrillicText('  Мои\u0306сеенко\r\nстрока\rещё  ')).toBe('Мойсеенко\nстрока\nещё');
  });
});
