import { useId } from 'preact/hooks';

export type NoteFiltersProps = {
  text: string;
  tag: string;
  site: string;
  /** Tags and sites in use, for the choices ('' means any). */
  tags: string[];
  sites: string[];
  onText: (text: string) => void;
  onTag: (tag: string) => void;
  onSite: (site: string) => void;
};

/** The all-notes search box and its tag and site filters. */
export function NoteFilters({ text, tag, site, tags, sites, onText, onTag, onSite }: NoteFiltersProps) {
  const id = useId();
  return (
    <form class="cc-filters" role="search" aria-label="Search notes" onSubmit={(e) => e.preventDefault()}>
      <label for={`${id}-q`}>
        Search
        <input id={`${id}-q`} type="search" value={text} placeholder="Words in the note or its quote" onInput={(e) => onText(e.currentTarget.value)} />
      </label>
      <label for={`${id}-tag`}>
        Tag
        <select id={`${id}-tag`} value={tag} onChange={(e) => onTag(e.currentTarget.value)}>
          <option value="">Any tag</option>
          {tags.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <label for={`${id}-site`}>
        Site
        <select id={`${id}-site`} value={site} onChange={(e) => onSite(e.currentTarget.value)}>
          <option value="">Any site</option>
          {sites.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
    </form>
  );
}
