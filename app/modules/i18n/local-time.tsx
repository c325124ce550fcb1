import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "./format";

let hydrated = false;

/**
 * A timestamp in the viewer's time zone. The server does not know that zone, so the server render
 * and the hydrating render both use UTC; the browser's zone takes over right after hydration.
 */
export function LocalTime({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const [isHydrated, setHydrated] = useState(hydrated);
  useEffect(() => {
    hydrated = true;
    setHydrated(true);
  }, []);
  return (
    <time dateTime={value}>{formatDateTime(i18n.language, value, isHydrated ? undefined : "UTC")}</time>
  );
}
