import { describe, expect, it } from 'vitest';
import {
  ALLOWED_EXTENSIONS,
  type AttachmentCandidate,
  checkAttachments,
  checkSingleFile,
  detectFileType,
  MAX_FILE_BYTES,
  mimeTypeOf,
} from '../../../../shared/validation';

const pad = (bytes: number[]): Uint8Array => {
  const head = new Uint8Array(16);
  head.set(bytes);
  return head;
};
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const HEADS = {
  jpeg: pad([0xff, 0xd8, 0xff, 0xe0]),
  png: pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pdf: pad(ascii('%PDF-1.7')),
  tiffLe: pad([0x49, 0x49, 0x2a, 0x00]),
  tiffBe: pad([0x4d, 0x4d, 0x00, 0x2a]),
  rtf: pad(ascii('{\\rtf1\\ansi')),
  ole2: pad([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  zip: pad([0x50, 0x4b, 0x03, 0x04]),
  exe: pad(ascii('MZ')),
  text: pad(ascii('hello, world')),
};

const file = (name: string, head: Uint8Array, size = 1000): AttachmentCandidate => ({ name, size, head });
const scan = file('список.pdf', HEADS.pdf);
const solo = { collective: false };

describe('detectFileType', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['pdf', 'application/pdf'],
    ['tiffLe', 'image/tiff'],
    ['tiffBe', 'image/tiff'],
    ['rtf', 'application/rtf'],
    ['ole2', 'application/x-ole-storage'],
    ['zip', 'application/zip'],
    ['exe', 'application/x-msdownload'],
  ] as const)('%s → %s', (key, type) => {
    expect(detectFileType(HEADS[key])).toBe(type);
  });

  it('unknown, empty and too-short heads', () => {
    expect(detectFileType(HEADS.text)).toBeUndefined();
    expect(detectFileType(new Uint8Array())).toBeUndefined();
    expect(detectFileType(new Uint8Array([0x89, 0x50]))).toBeUndefined();
  });

  it('mimeTypeOf refines Word/Excel containers by extension', () => {
    expect(mimeTypeOf('a.docx', HEADS.zip)).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(mimeTypeOf('a.XLS', HEADS.ole2)).toBe('application/vnd.ms-excel');
    expect(mimeTypeOf('a.pdf', HEADS.zip)).toBe('application/zip');
    expect(mimeTypeOf('a.png', HEADS.png)).toBe('image/png');
    expect(mimeTypeOf('a.txt', HEADS.text)).toBe('application/octet-stream');
  });
});

describe('checkSingleFile', () => {
  it.each([
    ['скан.jpg', HEADS.jpeg],
    ['скан.JPEG', HEADS.jpeg],
    ['фото.png', HEADS.png],
    ['письмо.pdf', HEADS.pdf],
    ['письмо.doc', HEADS.ole2],
    ['письмо.doc', HEADS.rtf],
    ['письмо.DOCX', HEADS.zip],
    ['таблица.xls', HEADS.ole2],
    ['таблица.xlsx', HEADS.zip],
    ['скан.tif', HEADS.tiffLe],
    ['скан.tiff', HEADS.tiffBe],
    ['письмо.rtf', HEADS.rtf],
  ])('accepts %s', (name, head) => {
    expect(checkSingleFile('attachments[0]', file(name, head))).toEqual([]);
  });

  it('covers every allowed extension', () => {
    expect(ALLOWED_EXTENSIONS).toHaveLength(11);
  });

  it('a renamed .exe as .pdf is an error naming the file', () => {
    expect(checkSingleFile('attachments[0]', file('счёт.pdf', HEADS.exe))).toEqual([
      {
        field: 'attachments[0]',
        rule: 'file-type',
        message: 'Файл «счёт.pdf»: содержимое не соответствует расширению «.pdf» — это исполняемый файл программы',
      },
    ]);
  });

  it('a .docx that is really a PDF', () => {
    const issues = checkSingleFile('attachments[1]', file('ответ.docx', HEADS.pdf));
    expect(issues).toMatchObject([{ field: 'attachments[1]', rule: 'file-type' }]);
    expect(issues[0]?.message).toContain('это документ PDF');
  });

  it('unrecognised content and a missing head', () => {
    expect(checkSingleFile('f', file('a.pdf', HEADS.text))[0]?.message).toContain('файл неизвестного формата');
    expect(checkSingleFile('f', file('a.pdf', new Uint8Array()))[0]?.message).toContain('содержимое не передано');
  });

  it('a forbidden or missing extension', () => {
    expect(checkSingleFile('f', file('virus.exe', HEADS.exe))).toMatchObject([{ rule: 'file-extension' }]);
    expect(checkSingleFile('f', file('virus.exe', HEADS.exe))[0]?.message).toContain('формат «.exe» не допускается');
    expect(checkSingleFile('f', file('README', HEADS.text))[0]?.message).toContain('нет расширения');
    expect(checkSingleFile('f', file('a.pdf.exe', HEADS.pdf))).toMatchObject([{ rule: 'file-extension' }]);
  });

  it('an empty file', () => {
    expect(checkSingleFile('f', file('пусто.pdf', new Uint8Array(), 0))).toEqual([
      { field: 'f', rule: 'file-empty', message: 'Файл «пусто.pdf» пустой' },
    ]);
  });

  it('a 16 MB file is too large; exactly 15 MB is fine', () => {
    expect(checkSingleFile('f', file('big.pdf', HEADS.pdf, MAX_FILE_BYTES))).toEqual([]);
    expect(checkSingleFile('f', file('big.pdf', HEADS.pdf, 16 * 1024 * 1024))).toEqual([
      { field: 'f', rule: 'file-too-large', message: 'Файл «big.pdf» больше 15 МБ (16,0 МБ)' },
    ]);
    expect(checkSingleFile('f', file('big.pdf', HEADS.pdf, MAX_FILE_BYTES + 1))[0]?.message).toContain(
      '15\u00a0728\u00a0641 байт',
    );
  });

  it('a nonsense size', () => {
    for (const size of [-1, 1.5, Number.NaN]) {
      expect(checkSingleFile('f', file('a.pdf', HEADS.pdf, size))).toMatchObject([{ rule: 'file-size' }]);
    }
  });

  it('names with path separators, Windows-reserved or control characters', () => {
    expect(checkSingleFile('f', file('../../etc/a.pdf', HEADS.pdf))).toMatchObject([
      { rule: 'file-name', char: '/', position: 3 },
    ]);
    expect(checkSingleFile('f', file('C:\\a.pdf', HEADS.pdf))).toMatchObject([{ rule: 'file-name', char: ':' }]);
    expect(checkSingleFile('f', file('a\u0000.pdf', HEADS.pdf))).toMatchObject([{ rule: 'file-name', position: 2 }]);
    const bidi = checkSingleFile('f', file('счёт\u202efdp.exe', HEADS.exe));
    expect(bidi.map((i) => i.rule)).toEqual(['file-name', 'file-extension']);
    expect(bidi[0]?.message).toContain('U+202E');
    expect(checkSingleFile('f', file('   ', HEADS.pdf))[0]).toEqual({
      field: 'f',
      rule: 'file-name',
      message: 'У файла нет имени',
    });
    expect(checkSingleFile('f', file(`${'а'.repeat(252)}.pdf`, HEADS.pdf))).toMatchObject([{ rule: 'file-name' }]);
  });
});

describe('checkAttachments', () => {
  it('no files is fine for an individual appeal', () => {
    expect(checkAttachments([], solo)).toEqual([]);
  });

  it('five files pass, six are too many', () => {
    const five = Array.from({ length: 5 }, (_, i) => file(`${i}.pdf`, HEADS.pdf));
    expect(checkAttachments(five, solo)).toEqual([]);
    expect(checkAttachments([...five, file('5.pdf', HEADS.pdf)], solo)).toEqual([
      { field: 'attachments', rule: 'too-many-files', message: 'Можно приложить не более 5 файлов, приложено 6' },
    ]);
  });

  it('uses attachments[i] paths', () => {
    const issues = checkAttachments([scan, file('a.pdf', HEADS.exe), file('b.png', HEADS.png, 0)], solo);
    expect(issues.map((i) => [i.field, i.rule])).toEqual([
      ['attachments[1]', 'file-type'],
      ['attachments[2]', 'file-empty'],
    ]);
  });

  it('a collective appeal without files is refused', () => {
    expect(checkAttachments([], { collective: true })).toEqual([
      {
        field: 'attachments',
        rule: 'participants-list',
        message: 'Коллективное обращение принимается только с приложенным списком участников (скан)',
      },
    ]);
  });

  it('a collective appeal needs a scan (PDF or image) among the files', () => {
    expect(checkAttachments([scan], { collective: true })).toEqual([]);
    expect(checkAttachments([file('список.tif', HEADS.tiffLe)], { collective: true })).toEqual([]);
    expect(checkAttachments([file('список.docx', HEADS.zip)], { collective: true })).toMatchObject([
      { field: 'attachments', rule: 'participants-list' },
    ]);
  });

  it('the marked participants list must exist and be a scan', () => {
    const files = [file('письмо.docx', HEADS.zip), scan];
    expect(checkAttachments(files, { collective: true, participantsListIndex: 1 })).toEqual([]);
    expect(checkAttachments(files, { collective: true, participantsListIndex: 0 })).toMatchObject([
      { field: 'attachments[0]', rule: 'participants-list' },
    ]);
    expect(checkAttachments(files, { collective: true, participantsListIndex: 2 })).toMatchObject([
      { field: 'attachments', rule: 'participants-list' },
    ]);
    expect(checkAttachments(files, { collective: false, participantsListIndex: 0 })).toEqual([]);
  });
});
