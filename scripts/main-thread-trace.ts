/**
 * How long a page's main thread was held, read from a Chromium trace of its tasks (the `toplevel` category:
 * one event per task, with its duration). Every task counts: script, style, layout and paint of a frame, and
 * the garbage collections inside them. Nothing runs in the page to watch it: an in-page watcher (a message loop
 * noting the gaps between its turns) allocates an event object per turn, about a megabyte a second, and so
 * brings on the very garbage collections it then reports.
 */
import type { CDPSession, Page } from '@playwright/test';

/** What the trace saw on the page's main thread. */
export type MainThreadReading = {
  /** The longest task, in ms: the longest the page could not respond to a key or a click. */
  longestTask: number;
  /** Every task of 50 ms or more (what Chromium calls long), longest first. */
  longTasks: number[];
  /**
   * The most CPU time any one task took, in ms: the page's own work, without the time its thread waited for a core
   * (on a 2-core machine the page's worker and the browser's other threads take turns with it).
   */
  mostCpu: number;
};

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** The thread's CPU time in the task (µs). */
  tdur?: number;
  args?: { name?: string };
};

/** A trace being recorded: stop it to read what it saw. */
export type MainThreadTrace = { stop: () => Promise<MainThreadReading> };

const LONG_TASK_MS = 50;

/**
 * The tasks of the renderer's main thread that ran the most tasks: the page's (the app's pages of one origin
 * share one renderer, and so one main thread), not another renderer's.
 */
function readMainThread(events: readonly TraceEvent[]): MainThreadReading {
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const tasksByThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.name !== 'ThreadControllerImpl::RunTask' || event.ph !== 'X') continue;
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread)) continue;
    const tasks = tasksByThread.get(thread) ?? [];
    tasks.push(event);
    tasksByThread.set(thread, tasks);
  }
  const tasks = [...tasksByThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const wall = tasks.map((task) => (task.dur ?? 0) / 1000).sort((a, b) => b - a);
  return {
    longestTask: wall[0] ?? 0,
    longTasks: wall.filter((ms) => ms >= LONG_TASK_MS),
    mostCpu: Math.max(0, ...tasks.map((task) => (task.tdur ?? 0) / 1000)),
  };
}

/**
 * Starts recording the main-thread tasks of `page`'s browser (a trace follows the page across navigations).
 * Only one trace can record at a time.
 */
export async function startMainThreadTrace(page: Page): Promise<MainThreadTrace> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
  return {
    async stop() {
      await session.send('Tracing.end');
      await complete;
      await session.detach();
      return readMainThread(events);
    },
  };
}
