import { useEffect, useState } from 'preact/hooks';
import { NOT_CONFIGURED, type WebDavStatus } from '../../lib/webdav/schema';
import { readWebDavStatus, watchWebDavStatus } from '../../lib/webdav/settings';

/** WebDAV sync's published status, kept live (not configured until the background says otherwise). */
export function useWebDavStatus(): WebDavStatus {
  const [status, setStatus] = useState<WebDavStatus>(NOT_CONFIGURED);
  useEffect(() => {
    let watched = false;
    const off = watchWebDavStatus((s) => {
      watched = true;
      setStatus(s);
    });
    void readWebDavStatus().then((s) => !watched && setStatus(s), () => undefined);
    return off;
  }, []);
  return status;
}
