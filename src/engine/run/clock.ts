/** In-game clock: minutes since midnight of the scenario's first day. */

/** Parses `HH:MM` or `+N HH:MM` into minutes since midnight of day 0. */
export function parseClock(time: string): number {
  const m = /^(?:\+(\d+) )?(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`not a clock time: ${time}`);
  return Number(m[1] ?? 0) * 24 * 60 + Number(m[2]) * 60 + Number(m[3]);
}

/** Formats minutes since midnight of day 0 as `HH:MM`, with the day offset (0 on the first day). */
export function formatClock(minutes: number): { time: string; day: number } {
  const day = Math.floor(minutes / (24 * 60));
  const rest = minutes - day * 24 * 60;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return { time: `${hh}:${mm}`, day };
}
