/** Opening the app or a portal page in a side slider. */
import { loadAppLayout, type LayoutHost, type LayoutRequestInput } from './app-layout';
import { el } from './dom';
import { sidePanel, type Slider } from './side-panel';

/** The app's frame in a side slider; `placementInterface` gives its commands (see LayoutHost). */
export function openAppInSlider(
  request: LayoutRequestInput,
  settings: { title: string; width?: number },
  placementInterface: LayoutHost['placementInterface'],
  onClose?: () => void,
): Slider {
  const slider = sidePanel.open({ kind: 'app', ...settings });
  if (onClose) slider.onClose(onClose);
  void loadAppLayout(request, { container: slider.body, slider, placementInterface });
  return slider;
}

/** A portal page (openPath): loaded in a frame of the portal's own origin, without the portal chrome. */
export function openPageInSlider(path: string, onClose?: () => void): Slider {
  const slider = sidePanel.open({ kind: 'page', title: 'Loading…' });
  if (onClose) slider.onClose(onClose);
  const frame = el('iframe', {
    class: 'side-panel-frame',
    src: path,
    'data-testid': 'slider-page-frame',
    title: 'Portal page',
  });
  frame.addEventListener('load', () => {
    // Same origin: the slider takes the page's title, as BX.SidePanel does.
    const title = frame.contentDocument?.title;
    if (title) slider.setTitle(title);
  });
  slider.body.replaceChildren(frame);
  return slider;
}
