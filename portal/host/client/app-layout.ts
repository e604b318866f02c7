/**
 * One app frame on a portal page (BX.rest.AppLayout in a real portal): the iframe with its
 * `window.name`, the POST form that loads it, and the parent side of the message protocol.
 * Each layout listens on the window for itself and ignores messages of other frames, which it
 * tells apart by origin and APP_SID.
 */
import { bootstrap } from './bootstrap';
import { el } from './dom';
import { notify } from './notifications';
import type { CommandHandler, PlacementInterface } from './placement-interfaces';
import { portalAjax } from './portal-api';
import type { Slider } from './side-panel';
import { frameAction, frameName, handlerOrigin } from '../protocol/frame-target';
import type { FrameLayout, LayoutResponse } from '../protocol/layout-api';
import { formatReply, parseFrameMessage } from '../protocol/message-format';

export interface LayoutRequestInput {
  placement: string;
  handler?: string;
  placementOptions?: unknown;
  popup?: boolean;
}

export interface LayoutHost {
  /** Element the layout is drawn into (its content is replaced). */
  container: HTMLElement;
  /** The slider holding the frame, for closeApplication and slider titles. */
  slider?: Slider;
  /**
   * The commands a frame of this placement may send (placement-interfaces.ts). Handed in by the
   * page's start-up rather than imported: a command (openApplication) opens another layout, so
   * the command table and the layout cannot import each other.
   */
  placementInterface: (placement: string) => PlacementInterface;
}

/** Every live layout by APP_SID, as BX.rest.layoutList. */
export const layouts = new Map<string, AppLayout>();

export class AppLayout {
  params: FrameLayout;
  readonly origin: string;
  readonly element: HTMLDivElement;
  readonly iframe: HTMLIFrameElement;
  private readonly placementApi: PlacementInterface;
  private readonly listener = (event: MessageEvent) => this.receive(event);
  private destroyed = false;
  /** setAppOption answers come back together, after one request for all options set in one go. */
  appOptionQueue: Array<{ name: string; value: unknown; reply: (result?: unknown) => void }> = [];

  constructor(
    layout: FrameLayout,
    readonly request: LayoutRequestInput,
    readonly host: LayoutHost,
  ) {
    this.params = layout;
    this.origin = handlerOrigin(layout.handler);
    this.placementApi = host.placementInterface(layout.placement);
    const address = {
      host: location.host,
      secure: location.protocol === 'https:',
      lang: layout.lang,
      appSid: layout.appSid,
    };
    const name = frameName(address);

    const loader = el('div', { class: 'app-loading-msg', id: `appframe_loading_${layout.appSid}` }, 'Loading…');
    this.iframe = el('iframe', {
      id: `appframe_${layout.appSid}`,
      name,
      class: 'app-frame app-loading',
      title: layout.title,
      allow: 'geolocation *; microphone *; camera *; autoplay *;',
      'data-testid': 'app-frame',
      'data-placement': layout.placement,
      'data-app-sid': layout.appSid,
    });
    this.iframe.addEventListener('load', () => {
      this.iframe.classList.remove('app-loading');
      loader.remove();
    });
    const form = el('form', {
      name: `appform_${layout.appSid}`,
      method: 'POST',
      target: name,
      action: frameAction(layout.handler, address),
      hidden: '',
    });
    for (const [fieldName, value] of layout.fields)
      form.append(el('input', { type: 'hidden', name: fieldName, value }));
    this.element = el(
      'div',
      {
        class: 'app-frame-layout',
        id: `appframe_layout_${layout.appSid}`,
        'data-testid': 'app-layout',
        'data-placement': layout.placement,
      },
      loader,
      this.iframe,
      form,
    );
    host.container.replaceChildren(this.element);
    layouts.set(layout.appSid, this);
    // Listen before the frame can speak.
    window.addEventListener('message', this.listener);
    form.submit();
  }

  get commands(): PlacementInterface {
    return this.placementApi;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  private receive(event: MessageEvent): void {
    if (this.destroyed || event.origin !== this.origin) return;
    const command = parseFrameMessage(event.data);
    // Loose comparison on purpose: the portal compares APP_SID with `!=`.
    if (!command || command.appSid != this.params.appSid) return;
    if (this.params.denied.includes(command.method)) return;
    const handler: CommandHandler | undefined = this.placementApi.commands[command.method];
    if (!handler) return;
    const callback = command.callback;
    const reply = callback ? (result?: unknown) => this.reply(callback, result) : () => undefined;
    Promise.resolve(handler(this, command.params, reply)).catch((error: unknown) => {
      console.error(`[portal] ${command.method} failed`, error);
      notify(`The portal could not run ${command.method}: ${String(error)}`);
    });
  }

  reply(callback: string, result: unknown): void {
    if (this.destroyed) return;
    this.iframe.contentWindow?.postMessage(formatReply(callback, result), this.origin);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('message', this.listener);
    layouts.delete(this.params.appSid);
    this.element.remove();
  }

  /** A fresh render of the same frame: new APP_SID, new token, the form posted again. */
  async reload(): Promise<AppLayout | null> {
    const container = this.host.container;
    this.destroy();
    return loadAppLayout(this.request, { ...this.host, container });
  }
}

/** Asks the portal to lay out a frame and draws it, or the portal's message when it cannot. */
export async function loadAppLayout(request: LayoutRequestInput, host: LayoutHost): Promise<AppLayout | null> {
  const { userId, lang } = bootstrap();
  host.container.replaceChildren(el('div', { class: 'app-loading-msg' }, 'Loading…'));
  let answer: { ok: boolean; body: LayoutResponse };
  try {
    answer = await portalAjax<LayoutResponse>({ action: 'layout', user: userId, lang, ...request });
  } catch (error) {
    host.container.replaceChildren(
      el(
        'div',
        { class: 'portal-message', role: 'alert', 'data-testid': 'app-layout-error' },
        `The application could not be loaded: ${String(error)}`,
      ),
    );
    return null;
  }
  const response = answer.body;
  if (response.status === 'ok') {
    const layout = new AppLayout(response.layout, request, host);
    host.slider?.onRemove(() => layout.destroy());
    return layout;
  }
  const testId = response.status === 'not-installed' ? 'app-not-installed' : 'app-layout-error';
  host.container.replaceChildren(
    el('div', { class: 'portal-message', role: 'alert', 'data-testid': testId }, response.message),
  );
  return null;
}
