import { Component, type ComponentChildren } from 'preact';

type Props = { fallback: ComponentChildren; children: ComponentChildren };

/**
 * Shows `fallback` in place of its children when rendering them throws, so one note that cannot
 * be rendered (a stored row that no longer fits the schema, a date no browser can print) never
 * blanks the list around it.
 */
export class RenderBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
