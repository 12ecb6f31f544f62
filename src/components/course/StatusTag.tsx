import { useTranslation } from 'react-i18next';

export type ScenarioStatus = 'not-started' | 'in-progress' | 'competent' | 'not-yet-competent' | 'practised';

/** A scenario's status in words (colour only repeats what the words say). */
export function StatusTag({ status }: { status: ScenarioStatus }) {
  const { t } = useTranslation('common');
  return <strong className={`tag tag--${status}`}>{t(`status.${status}`)}</strong>;
}
