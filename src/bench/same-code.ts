// The benchmark times builds of one code: a build after the code changed finds every cache entry made for other code and redoes the whole
// site, so a day's build measured then would take as long as a cold one and mean nothing.
import { BUILD_CODE, codeFingerprint } from "../build/build-fingerprint.ts";

/** Takes the code's fingerprint now, and returns a check that fails, saying `what` it stops, once the code is no longer the same. */
export async function sameCodeAs(projectRoot: string): Promise<(what: string) => Promise<void>> {
  const fingerprint = await codeFingerprint(projectRoot);
  return async (what) => {
    if ((await codeFingerprint(projectRoot)) === fingerprint) return;
    throw new Error(
      `${what}: the build's code (${BUILD_CODE.join(", ")}) changed after the cold build, so this build would redo the whole site and its ` +
        "time would mean nothing. Run the benchmark again, and change no code while it runs.",
    );
  };
}
