/** Build-time settings the packaging script passes to Vite (see scripts/package.ts). */
interface ImportMetaEnv {
  /** `web`, `scorm12`, `scorm2004` or `cmi5`; unset in development (then any LMS found is used). */
  readonly VITE_CALLOUT_REPORTING?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
