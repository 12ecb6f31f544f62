/**
 * The learner's display preferences, kept in localStorage so they apply before the first paint.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type TextSize = 'standard' | 'large' | 'largest';
export type Motion = 'system' | 'reduce';

export interface PreferencesState {
  textSize: TextSize;
  motion: Motion;
  /** The name to print on the certificate; kept only on this device. */
  certificateName: string;
  setTextSize(size: TextSize): void;
  setMotion(motion: Motion): void;
  setCertificateName(name: string): void;
}

export const PREFERENCES_KEY = 'callout.preferences';

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      textSize: 'standard',
      motion: 'system',
      certificateName: '',
      setTextSize: (textSize) => set({ textSize }),
      setMotion: (motion) => set({ motion }),
      setCertificateName: (certificateName) => set({ certificateName: certificateName.slice(0, 120) }),
    }),
    {
      name: PREFERENCES_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ textSize, motion, certificateName }) => ({ textSize, motion, certificateName }),
      migrate: (persisted) => {
        const p = (persisted ?? {}) as Partial<PreferencesState>;
        return {
          textSize: (['standard', 'large', 'largest'] as const).includes(p.textSize as TextSize) ? p.textSize : 'standard',
          motion: p.motion === 'reduce' ? 'reduce' : 'system',
          certificateName: typeof p.certificateName === 'string' ? p.certificateName : '',
        } as PreferencesState;
      },
    },
  ),
);

/** Applies preferences to `<html>` (classes read by the stylesheet). */
export function applyPreferences({ textSize, motion }: Pick<PreferencesState, 'textSize' | 'motion'>): void {
  const html = document.documentElement;
  html.dataset.textSize = textSize;
  html.dataset.motion = motion;
}
