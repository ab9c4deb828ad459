// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonFileInput } from '@/components/common/JsonFileInput';

afterEach(cleanup);

describe('JsonFileInput', () => {
  it('is a labelled chooser of JSON files that hands over the file chosen', () => {
    const onFile = vi.fn();
    render(<JsonFileInput label="Import notes:" disabled={false} onFile={onFile} testId="import" />);
    const input = screen.getByLabelText('Import notes:') as HTMLInputElement;
    expect(input).toBe(screen.getByTestId('import'));
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.json,.jsonld,application/json,application/ld+json');
    const file = new File(['{}'], 'notes.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(onFile).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('hands over nothing when no file was chosen, and can be disabled', () => {
    const onFile = vi.fn();
    render(<JsonFileInput label="Import:" disabled onFile={onFile} />);
    const input = screen.getByLabelText('Import:') as HTMLInputElement;
    expect(input.disabled).toBe(true);
    expect(input.hasAttribute('data-testid')).toBe(false);
    fireEvent.change(input);
    expect(onFile).not.toHaveBeenCalled();
  });
});
