export type JsonFileInputProps = {
  /** What the file is for, as the input's label. */
  label: string;
  disabled: boolean;
  /** The chosen file (the input is emptied at once, so that the same file can be chosen again). */
  onFile: (file: File) => void;
  /** A `data-testid` for end-to-end tests that upload to it. */
  testId?: string;
};

/** A labelled chooser of one JSON or JSON-LD file, for an import. */
export function JsonFileInput({ label, disabled, onFile, testId }: JsonFileInputProps) {
  return (
    <label>
      {label}{' '}
      <input
        type="file"
        data-testid={testId}
        accept=".json,.jsonld,application/json,application/ld+json"
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // the same file can be chosen again
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
