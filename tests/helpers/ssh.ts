// The real SSH server the deploy tests deploy to, or a loud skip: under CI=true a missing sshd fails the run instead.
import { startSshServer, sshdPath, type SshServer } from "../../src/bench/ssh-server.ts";

const isCI = process.env.CI === "true" || process.env.CI === "1";

/** Starts sshd on 127.0.0.1 for a test file, or says in one line that its SSH tests are skipped (throws under CI=true). */
export async function sshServerOrSkip(): Promise<SshServer | undefined> {
  if (sshdPath()) return startSshServer();
  if (isCI) throw new Error("no sshd, ssh, ssh-keygen or rsync; CI=true, so the deploy tests fail instead of being skipped. Install openssh-server and rsync.");
  console.warn("SKIPPED deploy tests against an SSH server: no /usr/sbin/sshd, ssh, ssh-keygen or rsync (apt-get install -y openssh-server rsync)");
  return undefined;
}
