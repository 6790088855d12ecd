// Which commits a CI run or a push should scan, worked out from the CI environment or from git's
// pre-push input. Pure: the caller reads the environment, the event file and standard input, and
// turns the plan's rev-list arguments into a history scan.

export interface ScanPlan {
  /** Where the plan came from, for the report: "GitHub Actions pull request", "pre-push", … */
  readonly source: string;
  /** rev-list arguments selecting the commits to scan; empty when there is nothing to scan. */
  readonly revs: string[];
  /** Commits that must be in the clone for the plan to hold (a base missing from a shallow clone). */
  readonly needs: string[];
  /** How to get `needs` into the clone when they are missing. */
  readonly deepen: string;
  /** Said when the plan had to fall back (no base known). */
  readonly note?: string;
  /**
   * A ref whose commits are already checked (the default branch, for a new branch): excluded when it
   * is in the clone; otherwise the head's whole history is scanned.
   */
  readonly exclude?: string;
  /** The plan to use instead when `needs` are missing and fetching cannot bring them (a force push). */
  readonly fallback?: ScanPlan;
}

const ZERO = /^0+$/;
const isZero = (sha: string | undefined): boolean => !sha || ZERO.test(sha);

const DEEPEN = {
  github: 'check out with the whole history: `fetch-depth: 0` in actions/checkout',
  gitlab: 'fetch the whole history: set `GIT_DEPTH: 0` in the job variables',
  other: 'fetch the whole history (git fetch --unshallow) before the scan',
};

/** The commits of a new branch: those not on the default branch (all of them when it is unknown). */
function newBranch(source: string, head: string, branch: string | undefined, deepen: string): ScanPlan {
  if (!branch) return { ...whole(source, head, 'the default branch is not known'), deepen };
  return { source, revs: [head], needs: [head], deepen, exclude: `refs/remotes/origin/${branch}` };
}

/**
 * The plan for a CI run. `event` is the GitHub event payload (parsed GITHUB_EVENT_PATH) when there
 * is one. `since` (the user's --since) wins over anything the environment says.
 */
export function ciPlan(env: NodeJS.ProcessEnv, event: Record<string, any> | null, since?: string): ScanPlan {
  if (since) return { source: `commits since ${since}`, revs: [`${since}..HEAD`], needs: [since], deepen: DEEPEN.other };
  if (env.GITHUB_ACTIONS === 'true') return github(env, event ?? {});
  if (env.GITLAB_CI === 'true') return gitlab(env);
  if (env.BITBUCKET_BUILD_NUMBER) {
    const head = env.BITBUCKET_COMMIT ?? 'HEAD';
    if (env.BITBUCKET_PR_DESTINATION_BRANCH) {
      const base = `refs/remotes/origin/${env.BITBUCKET_PR_DESTINATION_BRANCH}`;
      return { source: 'Bitbucket Pipelines pull request', revs: [`${base}..${head}`], needs: [base], deepen: DEEPEN.other };
    }
    return whole('Bitbucket Pipelines push', head, 'Bitbucket gives no previous commit for a push');
  }
  if (env.TF_BUILD === 'True' || env.TF_BUILD === 'true') {
    const head = env.BUILD_SOURCEVERSION ?? 'HEAD';
    const target = env.SYSTEM_PULLREQUEST_TARGETBRANCH?.replace(/^refs\/heads\//, '');
    if (target) {
      const base = `refs/remotes/origin/${target}`;
      return { source: 'Azure Pipelines pull request', revs: [`${base}..${head}`], needs: [base], deepen: DEEPEN.other };
    }
    return whole('Azure Pipelines build', head, 'Azure Pipelines gives no previous commit for a push');
  }
  if (env.CIRCLECI === 'true') {
    return whole('CircleCI build', env.CIRCLE_SHA1 ?? 'HEAD', 'CircleCI gives no base commit; pass --since << pipeline.git.base_revision >>');
  }
  if (env.JENKINS_URL) {
    const head = env.GIT_COMMIT ?? 'HEAD';
    if (env.CHANGE_TARGET) {
      const base = `refs/remotes/origin/${env.CHANGE_TARGET}`;
      return { source: 'Jenkins change request', revs: [`${base}..${head}`], needs: [base], deepen: DEEPEN.other };
    }
    const previous = env.GIT_PREVIOUS_SUCCESSFUL_COMMIT;
    if (previous) return { source: 'Jenkins build', revs: [`${previous}..${head}`], needs: [previous], deepen: DEEPEN.other };
    return whole('Jenkins build', head, 'Jenkins knows no previous successful commit');
  }
  return whole('no CI detected', 'HEAD', 'no CI environment recognised; pass --since REV to scan only new commits');
}

/** Every commit of `head`: the safe fallback when no base is known. */
function whole(source: string, head: string, why: string): ScanPlan {
  return { source, revs: [head], needs: [], deepen: DEEPEN.other, note: `${why}: scanning every commit of ${head}` };
}

function github(env: NodeJS.ProcessEnv, event: Record<string, any>): ScanPlan {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const defaultBranch: string | undefined = event.repository?.default_branch;
  if ((name === 'pull_request' || name === 'pull_request_target') && event.pull_request) {
    const base: string = event.pull_request.base.sha;
    const head: string = event.pull_request.head.sha;
    return { source: `GitHub Actions ${name}`, revs: [`${base}..${head}`], needs: [base, head], deepen: DEEPEN.github };
  }
  if (name === 'push') {
    const after: string | undefined = event.after;
    if (isZero(after)) return { source: 'GitHub Actions push (branch deleted)', revs: [], needs: [], deepen: DEEPEN.github };
    // The first push of the default branch: everything in it is new.
    if (isZero(event.before) && defaultBranch && event.ref === `refs/heads/${defaultBranch}`) {
      return { ...whole('GitHub Actions first push of the default branch', after!, 'the default branch is new'), deepen: DEEPEN.github };
    }
    const branch = newBranch('GitHub Actions push of a new branch', after!, defaultBranch, DEEPEN.github);
    if (isZero(event.before)) return branch;
    const push: ScanPlan = { source: 'GitHub Actions push', revs: [`${event.before}..${after}`], needs: [event.before, after!], deepen: DEEPEN.github };
    // After a force push the old head is gone from the remote: no fetch brings it back.
    return event.forced ? { ...push, fallback: { ...branch, source: 'GitHub Actions force push' } } : push;
  }
  return whole(`GitHub Actions ${name || 'run'}`, env.GITHUB_SHA ?? 'HEAD', `a ${name || 'run'} event names no base commit`);
}

function gitlab(env: NodeJS.ProcessEnv): ScanPlan {
  const head = env.CI_COMMIT_SHA ?? 'HEAD';
  const base = env.CI_MERGE_REQUEST_DIFF_BASE_SHA;
  if (base) return { source: 'GitLab CI merge request', revs: [`${base}..${head}`], needs: [base], deepen: DEEPEN.gitlab };
  const before = env.CI_COMMIT_BEFORE_SHA;
  if (!isZero(before)) return { source: 'GitLab CI push', revs: [`${before}..${head}`], needs: [before!], deepen: DEEPEN.gitlab };
  if (env.CI_COMMIT_BRANCH && env.CI_COMMIT_BRANCH === env.CI_DEFAULT_BRANCH) {
    return { ...whole('GitLab CI first push of the default branch', head, 'the default branch is new'), deepen: DEEPEN.gitlab };
  }
  return newBranch('GitLab CI push of a new branch', head, env.CI_DEFAULT_BRANCH, DEEPEN.gitlab);
}

/** The object ids named in git's pre-push input (to check which of them this clone has). */
export function prePushShas(input: string): string[] {
  return input
    .split('\n')
    .flatMap((line) => line.trim().split(/\s+/).filter((_, i) => i === 1 || i === 3))
    .filter((sha) => /^[0-9a-f]{40,64}$/.test(sha) && !isZero(sha));
}

/**
 * The plan for a pre-push hook from git's input lines `<local ref> <local sha> <remote ref> <remote sha>`:
 * the commits being pushed that the remote does not have (for a new branch, or a remote commit this
 * clone lacks, those on no remote-tracking ref).
 */
export function prePushPlan(input: string, has: (sha: string) => boolean): ScanPlan {
  const include: string[] = [];
  const exclude: string[] = [];
  let newBranch = false;
  for (const line of input.split('\n')) {
    const [, localSha, , remoteSha] = line.trim().split(/\s+/);
    if (!localSha || isZero(localSha)) continue; // a deletion pushes nothing
    include.push(localSha);
    // A remote commit this clone lacks (someone else pushed): judge by the remote-tracking refs.
    if (isZero(remoteSha) || !has(remoteSha!)) newBranch = true;
    else exclude.push(remoteSha!);
  }
  if (include.length === 0) return { source: 'pre-push', revs: [], needs: [], deepen: DEEPEN.other };
  const revs = [...include, ...(exclude.length > 0 || newBranch ? ['--not', ...exclude, ...(newBranch ? ['--remotes'] : [])] : [])];
  return { source: 'pre-push', revs, needs: [], deepen: DEEPEN.other };
}
