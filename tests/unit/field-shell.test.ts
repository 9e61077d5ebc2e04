import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FieldShell } from '@/components/ui/form';

const control = (describedBy: string | undefined, invalid: boolean) =>
  createElement('input', { id: 'title', 'aria-describedby': describedBy, 'aria-invalid': invalid });
const render = (errors?: string[]) =>
  renderToStaticMarkup(
    // FieldShell's child is a function (a render prop), typed as a prop.
    // eslint-disable-next-line react/no-children-prop
    createElement(FieldShell, { id: 'title', label: 'Tiêu đề', errors, children: control }),
  );

describe('a field’s errors', () => {
  it('shows each distinct message once, linked to the control', () => {
    const html = render(['Bắt buộc.', 'Quá dài.', 'Bắt buộc.']);
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain('aria-describedby="title-error"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('shows one repeated message as a sentence, not a list', () => {
    const html = render(['Bắt buộc.', 'Bắt buộc.']);
    expect(html).not.toContain('<ul');
    expect(html.match(/Bắt buộc\./g)).toHaveLength(1);
  });

  it('marks nothing when there is no error', () => {
    const html = render([]);
    expect(html).toContain('aria-invalid="false"');
    expect(html).not.toContain('title-error');
  });
});
