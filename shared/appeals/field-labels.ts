/** Russian names of the card's fields, as the form labels them: used by validation messages and history. */
export const FIELD_LABELS: Record<string, string> = {
  kind: 'Вид обращения',
  appealType: 'Тип обращения',
  form: 'Форма подачи',
  source: 'Источник поступления',
  'applicant.kind': 'Заявитель',
  'applicant.surname': 'Фамилия',
  'applicant.name': 'Имя',
  'applicant.patronymic': 'Отчество',
  'applicant.orgName': 'Наименование организации',
  'applicant.unp': 'УНП',
  'applicant.signer': 'Подписант',
  'applicant.address': 'Адрес',
  'applicant.phone': 'Телефон',
  'applicant.email': 'Электронная почта',
  applicantCategory: 'Категория заявителя',
  answerForm: 'Форма ответа',
  summary: 'Краткое содержание',
  content: 'Содержание',
  topicCodes: 'Тематика',
  territoryCode: 'Территория',
  receivedAt: 'Дата поступления',
  registeredAt: 'Дата регистрации',
  needsAdditionalStudy: 'Требует дополнительного изучения',
  responsibleHeadId: 'Ответственный руководитель',
  notes: 'Примечание',
  repeatOf: 'Повторное к обращениям',
  attachments: 'Вложения',
};

export function fieldLabel(path: string): string {
  return FIELD_LABELS[path] ?? FIELD_LABELS[path.replace(/\[\d+\]$/, '')] ?? path;
}
