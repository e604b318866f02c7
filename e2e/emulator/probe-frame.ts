/** Drives the probe app inside one app iframe of the emulated portal. */
import { expect, type Frame, type Locator } from '@playwright/test';
import { frameOf } from '../support/portal';

export interface ProbeInit {
  placement: string;
  options: unknown;
  lang: string;
  isAdmin: boolean;
  isInstallMode: boolean;
  isFirstRun: boolean;
  appSid: string;
  targetOrigin: string;
  accessToken: string | null;
  memberId: string | null;
  windowName: string;
  location: string;
}

export interface RawAnswer {
  answered: boolean;
  raw?: string;
  result?: unknown;
}

type ProbeApi = Record<string, (...args: unknown[]) => unknown>;

export class ProbeFrame {
  constructor(readonly iframe: Locator) {}

  /** Waits until the SDK inside has started (getInitData answered) and returns what it read. */
  async ready(): Promise<ProbeInit> {
    await expect(this.iframe.contentFrame().getByTestId('probe-status')).toHaveText(/^ready: /, { timeout: 20_000 });
    return (await this.run('init')) as ProbeInit;
  }

  async frame(): Promise<Frame> {
    return frameOf(this.iframe);
  }

  /** Calls `window.probe[name](...args)` in the frame and returns its (awaited) result. */
  async run(name: string, ...args: unknown[]): Promise<unknown> {
    const frame = await this.frame();
    return frame.evaluate(
      ([method, parameters]) =>
        (window as unknown as { probe: ProbeApi }).probe[method as string]!(...(parameters as unknown[])),
      [name, args] as const,
    );
  }

  /** Starts a command whose answer comes later (a slider closing, a picker choice); see `outcome`. */
  async start(name: string, ...args: unknown[]): Promise<void> {
    await this.run('start', name, ...args);
  }

  async outcome(name: string): Promise<{ settled: boolean; value?: unknown; error?: string } | null> {
    return (await this.run('outcome', name)) as { settled: boolean; value?: unknown; error?: string } | null;
  }

  async classic(command: string, params?: unknown, options?: { appSid?: string; waitMs?: number }): Promise<RawAnswer> {
    return (await this.run('classic', command, params ?? null, options ?? {})) as RawAnswer;
  }

  async objectForm(command: string, params?: unknown): Promise<RawAnswer> {
    return (await this.run('objectForm', command, params ?? null)) as RawAnswer;
  }
}
