/** A page for requests the portal cannot even attribute to a user (bad `?user=` or `?lang=`). */
import { html } from '../html';
import { PORTAL_STYLES_PATH } from '../paths';

export function renderBareMessagePage(title: string, message: string): string {
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="${PORTAL_STYLES_PATH}"></head>
<body class="portal-in-slider"><main class="workarea"><h1 class="page-title">${title}</h1>
<div class="portal-message" role="alert" data-testid="bad-request">${message}</div></main></body></html>`.markup;
}
