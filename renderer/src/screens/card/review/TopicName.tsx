import { useDictionaries } from '../../../app/session';

/** A question of the appeal as the classifier names it: «01.002 Ремонт жилищного фонда». */
export function TopicName({ code }: { code: string }) {
  const { topicByCode } = useDictionaries();
  return (
    <>
      <span className="code">{code}</span> {topicByCode.get(code)?.name ?? ''}
    </>
  );
}
