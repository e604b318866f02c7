import type { SurfaceProps } from '../surface-contract';
import { AppPage } from './AppPage';
import './app-page.css';

/** The DEFAULT placement (install.html on first run, index.html later): install and settings. */
export default function AppPageSurface(_props: SurfaceProps<'app-page'>) {
  return <AppPage />;
}
