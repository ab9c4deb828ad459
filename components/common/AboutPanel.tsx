export type AboutPanelProps = { version: string; permissions: string[] };

/** What this build is and what it may do, so the reader can check its privacy claims. */
export function AboutPanel({ version, permissions }: AboutPanelProps) {
  return (
    <section aria-labelledby="cc-about" data-testid="about">
      <h2 id="cc-about">About</h2>
      <p>Version {version}.</p>
      <p>
        Permissions: {permissions.length ? permissions.join(', ') : 'none'}. Crosscheck has no account
        and no server of its own, and makes no network request unless you set up WebDAV sync: then it
        speaks only to the folder you gave, and your notes leave encrypted. The claim database ships
        with it, and your notes stay in this browser profile.
      </p>
    </section>
  );
}
