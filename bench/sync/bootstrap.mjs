// Worker threads start without tsx's loader: register it, then load the worker's TypeScript.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
