import { escapeHtml } from './escape-html';

// Mail clients drop <style> and <head> more often than not, so every rule is inline and the layout is tables.

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";

export const EMAIL_STYLE = {
  card: `max-width:600px;width:100%;background:#ffffff;border:1px solid #dfe1e6;border-radius:6px;font-family:${FONT};color:#172b4d;`,
  brand: 'padding:20px 24px 4px;font-size:13px;color:#6b778c;',
  heading: 'padding:0 24px 8px;font-size:20px;font-weight:600;line-height:1.3;',
  item: 'padding:16px 24px;border-top:1px solid #ebecf0;',
  summary: 'margin:0 0 6px;font-size:16px;font-weight:600;line-height:1.4;',
  detail: 'margin:0 0 4px;font-size:14px;line-height:1.5;',
  context: 'margin:6px 0 0;font-size:12px;line-height:1.5;color:#6b778c;',
  button:
    'display:inline-block;margin-top:12px;padding:8px 16px;background:#0052cc;color:#ffffff;text-decoration:none;border-radius:4px;font-size:14px;font-weight:600;',
  badge:
    'display:inline-block;margin-right:6px;padding:1px 6px;background:#fff0b3;color:#172b4d;border-radius:3px;font-size:12px;font-weight:600;vertical-align:middle;',
  link: 'color:#0052cc;',
  footer: 'padding:16px 24px 20px;border-top:1px solid #ebecf0;font-size:12px;line-height:1.5;color:#6b778c;',
} as const;

/**
 * Wraps the rows (`<tr>…</tr>`, already escaped) in the page every alert e-mail shares: a grey background and one
 * white card.
 */
export function wrapEmailLayout(options: { title: string; rows: string[] }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f5f7;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f5f7;">',
    '<tr><td align="center" style="padding:24px 12px;">',
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="${EMAIL_STYLE.card}">`,
    `<tr><td style="${EMAIL_STYLE.brand}">Envelope tracker</td></tr>`,
    ...options.rows,
    '</table>',
    '</td></tr></table>',
    '</body></html>',
  ].join('\n');
}
