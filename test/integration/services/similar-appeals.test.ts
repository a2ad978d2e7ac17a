import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../electron/services/appeals/get-appeal';
import { handlers } from '../../../electron/services/handlers';
import { draft, makeTestServices } from '../../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
afterEach(() => env?.cleanup());

const register = (overrides: Parameters<typeof draft>[0] = {}) =>
  handlers['appeals:register'](env.clerk, { id: null, draft: draft(overrides), expectedVersion: null }) as {
    id: string;
    regNumber: string;
  };

describe('repeat detection on registration', () => {
  it('finds earlier appeals of the same person at the same address, same question first', () => {
    env = makeTestServices();
    const roof = register();
    const other = register({
      summary: 'О вывозе мусора во дворе',
      content: 'Мусор не вывозят неделю.',
      topicCodes: ['01'],
    });
    register({ applicant: { ...draft().applicant, address: 'г. Минск, ул. Притыцкого, д. 3' } });
    register({ applicant: { ...draft().applicant, surname: 'Петров' } });

    const found = handlers['appeals:similar'](env.clerk, {
      id: null,
      // The same address typed differently: punctuation and case do not matter.
      applicant: { ...draft().applicant, address: 'Г. МИНСК УЛ. СУРГАНОВА Д 12 КВ 45' },
      topicCodes: [],
      summary: 'Повторно о протечке крыши жилого дома',
    }) as { appeals: { id: string; sameQuestion: boolean }[] };
    expect(found.appeals.map((a) => [a.id, a.sameQuestion])).toEqual([
      [roof.id, true],
      [other.id, false],
    ]);
  });

  it('matches organisations by УНП and never anonymous appeals', () => {
    env = makeTestServices();
    const legal = {
      kind: 'legal' as const,
      orgName: 'ООО «Стройсервис»',
      unp: '190000001',
      signer: 'Директор Сидоров С. С.',
      address: 'г. Минск, ул. Кальварийская, д. 1',
      phone: '+375 17 200-00-00',
      email: 'info@stroy.by',
      surname: '',
      name: '',
      patronymic: '',
    };
    const first = register({ applicant: legal, topicCodes: ['01.001'] });
    const query = { id: null, topicCodes: ['01.001'], summary: '' };
    const byUnp = handlers['appeals:similar'](env.clerk, {
      ...query,
      applicant: { ...legal, orgName: 'Стройсервис' },
    }) as {
      appeals: { id: string; sameQuestion: boolean }[];
    };
    expect(byUnp.appeals).toMatchObject([{ id: first.id, sameQuestion: true }]);
    const anonymous = handlers['appeals:similar'](env.clerk, {
      ...query,
      applicant: { ...draft().applicant, surname: '', name: '', patronymic: '', address: '' },
    }) as { appeals: unknown[] };
    expect(anonymous.appeals).toEqual([]);
  });

  it('stores the clerk’s decision as links shown on the card with the earlier numbers', () => {
    env = makeTestServices();
    const earlier = register();
    const repeat = register({ repeatOf: [earlier.id] });
    const card = getAppeal(env.services.store.db, repeat.id);
    expect(card.repeatOf).toEqual([earlier.id]);
    expect(card.repeats).toEqual([{ id: earlier.id, regNumber: earlier.regNumber }]);
  });
});
