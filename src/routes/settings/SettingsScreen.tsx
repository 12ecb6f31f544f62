import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../i18n/languages';
import { changeLanguage } from '../../i18n/setup';
import { PageHeading } from '../../components/layout/PageHeading';
import { usePreferences, type Motion, type TextSize } from '../../store/preferences';

function Radios<T extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: T; options: { value: T; label: string; lang?: string }[]; onChange(v: T): void }) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend heading-m">{legend}</legend>
      <div className="radios">
        {options.map((o) => (
          <div className="radios__item" key={o.value}>
            <input id={`${name}-${o.value}`} className="radios__input" type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <label htmlFor={`${name}-${o.value}`} className="radios__label" lang={o.lang}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Language, text size and motion; saved on this device and applied at once. */
export function SettingsScreen() {
  const { t, i18n } = useTranslation('settings');
  const { textSize, motion, setTextSize, setMotion } = usePreferences();
  return (
    <div className="narrow">
      <PageHeading title={t('heading')}>{t('heading')}</PageHeading>
      <p>{t('intro')}</p>
      <Radios<Language>
        legend={t('language')}
        name="language"
        value={i18n.language as Language}
        options={LANGUAGES.map((l) => ({ value: l.code, label: l.name, lang: l.htmlLang }))}
        onChange={(l) => void changeLanguage(i18n, l)}
      />
      <Radios<TextSize>
        legend={t('textSize.legend')}
        name="text-size"
        value={textSize}
        options={(['standard', 'large', 'largest'] as const).map((v) => ({ value: v, label: t(`textSize.${v}`) }))}
        onChange={setTextSize}
      />
      <Radios<Motion>
        legend={t('motion.legend')}
        name="motion"
        value={motion}
        options={(['system', 'reduce'] as const).map((v) => ({ value: v, label: t(`motion.${v}`) }))}
        onChange={setMotion}
      />
      <h2 className="heading-m">{t('data.heading')}</h2>
      <p>{t('data.body')}</p>
    </div>
  );
}
