import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import ErrorPage from '@/app/error';
import vi from '@/lib/i18n/messages/vi.json';

const render = (error: Error & { digest?: string }) =>
  renderToStaticMarkup(
    // The provider's children are a required prop in its type, so they are passed as one.
    // eslint-disable-next-line react/no-children-prop
    createElement(NextIntlClientProvider, {
      locale: 'vi',
      messages: vi,
      timeZone: 'Asia/Ho_Chi_Minh',
      children: createElement(ErrorPage, { error, reset: () => {} }),
    }),
  );

describe('the error page', () => {
  it('shows the code it asks the user to quote to the administrator', () => {
    const html = render(Object.assign(new Error('db'), { digest: '2913870547' }));
    expect(html).toContain('kèm mã lỗi');
    expect(html).toContain('Mã lỗi: 2913870547');
  });

  it('asks for no code when the error has none (raised in the browser), and says what to do', () => {
    const html = render(new Error('Failed to fetch'));
    expect(html).not.toContain('mã lỗi');
    expect(html).toContain('mất kết nối mạng');
    expect(html).toContain('Thử lại');
  });
});
