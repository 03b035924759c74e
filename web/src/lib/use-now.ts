import { useEffect, useState } from 'preact/hooks';

/** The current time in ms, refreshed every `intervalMs` (for "còn 5 giờ" to count down). */
export function useNow(intervalMs = 60000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
