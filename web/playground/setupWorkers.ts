import { readPageConfig } from '../shared/pageConfig';

/**
 * Monaco (GraphiQL's editor) runs its language services in web workers. They are bundled by
 * scripts/build-web.js and served by our own server, never fetched from a CDN.
 */
export function setupWorkers(): void {
  const { assets, files } = readPageConfig();
  const url = (name: string): string => `${assets}/${files[`${name}.worker.js`] ?? `${name}.worker.js`}`;
  (globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      if (label === 'json') return new Worker(url('json'));
      if (label === 'graphql') return new Worker(url('graphql'));
      return new Worker(url('editor'));
    },
  };
}
