import { ensureWebBuild } from '../../scripts/webBuild';

/** Browser tests run against the built UI: build it once if the sources changed. */
export default function setup(): void {
  ensureWebBuild();
}
