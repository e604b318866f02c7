/**
 * Side sliders (BX.SidePanel in a real portal): a stack of panels sliding over the page from
 * the right. App handlers opened from menus, openApplication and openPath all land here.
 */
import { el } from './dom';

export type SliderKind = 'app' | 'page';

export interface SliderSettings {
  title: string;
  kind: SliderKind;
  /** Width in pixels (openApplication's `bx24_width`); the panel never exceeds the window. */
  width?: number;
}

export class Slider {
  readonly overlay: HTMLDivElement;
  readonly panel: HTMLDivElement;
  readonly body: HTMLDivElement;
  readonly kind: SliderKind;
  private readonly titleElement: HTMLHeadingElement;
  private readonly beforeRemove: Array<() => void> = [];
  private readonly afterClose: Array<() => void> = [];
  private closed = false;

  constructor(
    settings: SliderSettings,
    depth: number,
    private readonly release: (slider: Slider) => void,
  ) {
    this.kind = settings.kind;
    this.titleElement = el('h2', { class: 'side-panel-title', 'data-testid': 'slider-title' }, settings.title);
    const close = el(
      'button',
      { type: 'button', class: 'side-panel-close', 'aria-label': 'Close', 'data-testid': 'slider-close' },
      '×',
    );
    close.addEventListener('click', () => this.close());
    this.body = el('div', { class: 'side-panel-body' });
    this.panel = el(
      'div',
      {
        class: 'side-panel',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-label': settings.title,
        'data-testid': 'slider',
        'data-slider-kind': settings.kind,
        'data-slider-depth': String(depth),
      },
      close,
      el('div', { class: 'side-panel-header' }, this.titleElement),
      this.body,
    );
    if (settings.width && settings.width > 0)
      this.panel.style.width = `min(${Math.round(settings.width)}px, calc(100% - 60px))`;
    else this.panel.style.width = `calc(100% - ${Math.min(300, 100 + depth * 40)}px)`;
    this.overlay = el('div', { class: 'side-panel-overlay', 'data-testid': 'slider-overlay' }, this.panel);
    this.overlay.style.zIndex = String(1000 + depth * 10);
    this.overlay.addEventListener('click', (event) => {
      if (event.target === this.overlay) this.close();
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  setTitle(title: string): void {
    this.titleElement.textContent = title;
    this.panel.setAttribute('aria-label', title);
  }

  /** Runs before the panel leaves the page (frames inside are destroyed here). */
  onRemove(handler: () => void): void {
    this.beforeRemove.push(handler);
  }

  /** Runs once the panel is gone (the opener's callback: openPath's `{result:'close'}`). */
  onClose(handler: () => void): void {
    this.afterClose.push(handler);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const handler of this.beforeRemove) handler();
    this.overlay.remove();
    this.release(this);
    for (const handler of this.afterClose) handler();
  }
}

export class SidePanel {
  private readonly stack: Slider[] = [];

  constructor() {
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !document.querySelector('.modal-overlay')) this.top()?.close();
    });
  }

  open(settings: SliderSettings): Slider {
    const slider = new Slider(settings, this.stack.length, (closed) => {
      const index = this.stack.indexOf(closed);
      if (index >= 0) this.stack.splice(index, 1);
      document.body.classList.toggle('side-panel-open', this.stack.length > 0);
    });
    this.stack.push(slider);
    document.body.append(slider.overlay);
    document.body.classList.add('side-panel-open');
    return slider;
  }

  top(): Slider | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The slider an element sits in, if any. */
  sliderOf(element: Element): Slider | undefined {
    return this.stack.find((slider) => slider.panel.contains(element));
  }
}

export const sidePanel = new SidePanel();
