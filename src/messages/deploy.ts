// The words of the problems that stop `npm run deploy`, in Chinese and in English.
import type { Wording } from "./catalogue.ts";

export const DEPLOY_PROBLEMS = {
  DeployTargetInvalid: {
    title: { "zh-CN": "发布目标写得不对", en: "Deploy target not understood" },
    message: {
      "zh-CN": ({ target }) => `看不懂发布目标“${target}”。`,
      en: ({ target }) => `The deploy target “${target}” is not understood.`,
    },
    hint: {
      "zh-CN": () =>
        "写成服务器上的文件夹 ssh://用户@主机:端口/路径（或 用户@主机:/路径），rclone 的远端 名称:路径（例如 oss:报库/site），或者本机的文件夹路径。",
      en: () =>
        "Write a server's folder as ssh://user@host:port/path (or user@host:/path), an rclone remote as name:path (e.g. oss:paper/site), or a folder on this machine.",
    },
    examples: [{ file: "ssh://editor@", facts: { target: "ssh://editor@" } }],
  },
  DeploySiteNotBuilt: {
    title: { "zh-CN": "还没有构建网站", en: "Site not built" },
    message: {
      "zh-CN": ({ site }) => `${site} 里没有构建好的网站（没有它的文件清单 .baoku/deploy.json）。`,
      en: ({ site }) => `${site} holds no built site (it has no manifest, .baoku/deploy.json).`,
    },
    hint: {
      "zh-CN": () => "先运行 npm run build，构建成功后再发布。",
      en: () => "Run npm run build first, and deploy once it has succeeded.",
    },
    examples: [{ file: "_site", facts: { site: "_site" } }],
  },
  DeployToolMissing: {
    title: { "zh-CN": "缺少发布工具", en: "Deploy tool missing" },
    message: {
      "zh-CN": ({ tool }) => `发布到这里要用 ${tool}，但这台机器上没有安装 ${tool}。`,
      en: ({ tool }) => `Deploying here needs ${tool}, which is not installed on this machine.`,
    },
    hint: {
      "zh-CN": ({ tool }) => `安装它再发布：Debian 或 Ubuntu 上运行 sudo apt-get install -y ${tool}${tool === "rsync" ? "（服务器上也要装 rsync）" : ""}。`,
      en: ({ tool }) =>
        `Install it and deploy again: on Debian or Ubuntu, sudo apt-get install -y ${tool}${tool === "rsync" ? " (the server needs rsync too)" : ""}.`,
    },
    examples: [
      { file: "oss:paper-archive", facts: { tool: "rclone" } },
      { file: "editor@www.example.cn:/srv/www", facts: { tool: "rsync" } },
    ],
  },
  DeployTargetUnreachable: {
    title: { "zh-CN": "连不上发布目标", en: "Deploy target unreachable" },
    message: {
      "zh-CN": ({ tool, said }) => `连不上发布目标，网站没有发布（${tool} 说：${said}）。`,
      en: ({ tool, said }) => `The deploy target cannot be reached, and nothing was published (${tool} said: ${said}).`,
    },
    hint: {
      "zh-CN": () => "检查主机名、端口和网络（服务器开着吗？防火墙放行了吗？），然后再运行一次 npm run deploy；已经传了一半的也没关系，再运行一次会接着传完。",
      en: () =>
        "Check the host name, the port and the network (is the server up, does the firewall let you through?), then run npm run deploy again; a deploy stopped half way is finished by the next one.",
    },
    examples: [{ file: "editor@127.0.0.1:/srv/www", facts: { tool: "rsync", said: "ssh: connect to host 127.0.0.1 port 2222: Connection refused" } }],
  },
  DeployAccessDenied: {
    title: { "zh-CN": "发布目标拒绝登录或写入", en: "Deploy target refused access" },
    message: {
      "zh-CN": ({ tool, said }) => `发布目标不让登录或者不让写，网站没有发布（${tool} 说：${said}）。`,
      en: ({ tool, said }) => `The deploy target refused the login or the writing, and nothing was published (${tool} said: ${said}).`,
    },
    hint: {
      "zh-CN": ({ tool }) =>
        tool !== "rclone"
          ? '检查登录用的用户名和密钥（RSYNC_RSH="ssh -i 密钥文件"），服务器的主机密钥是否已在 known_hosts 里，以及这个用户能不能写目标文件夹。'
          : "检查 rclone 的访问密钥（RCLONE_CONFIG_<名称>_ACCESS_KEY_ID 和 _SECRET_ACCESS_KEY，或 rclone.conf）和这把密钥对存储桶有没有写权限。",
      en: ({ tool }) =>
        tool !== "rclone"
          ? 'Check the user name and key used to log in (RSYNC_RSH="ssh -i keyfile"), that the server\'s host key is in known_hosts, and that the user may write the folder.'
          : "Check rclone's access keys (RCLONE_CONFIG_<NAME>_ACCESS_KEY_ID and _SECRET_ACCESS_KEY, or rclone.conf) and that they may write the bucket.",
    },
    examples: [
      { file: "editor@www.example.cn:/srv/www", facts: { tool: "rsync", said: "editor@www.example.cn: Permission denied (publickey)." } },
      { file: "oss:paper-archive", facts: { tool: "rclone", said: "AccessDenied: The bucket you access does not belong to you." } },
    ],
  },
  DeployRemoteUnknown: {
    title: { "zh-CN": "rclone 没有这个远端", en: "Unknown rclone remote" },
    message: {
      "zh-CN": ({ said }) => `rclone 不知道这个远端，网站没有发布（rclone 说：${said}）。`,
      en: ({ said }) => `rclone does not know this remote, and nothing was published (rclone said: ${said}).`,
    },
    hint: {
      "zh-CN": () =>
        "先设置这个远端：用 rclone config，或者在 CI 里用环境变量 RCLONE_CONFIG_<名称>_TYPE=s3 等（见 README“发布到对象存储”）；远端名称要和冒号前写的一样。",
      en: () =>
        "Set the remote up first: with rclone config, or in CI with environment variables such as RCLONE_CONFIG_<NAME>_TYPE=s3 (see the README, object storage); its name must be the one before the colon.",
    },
    examples: [{ file: "oss:paper-archive", facts: { tool: "rclone", said: "didn't find section in config file" } }],
  },
  DeployFilesNotInCache: {
    title: { "zh-CN": "要发布的文件不在缓存里", en: "Files to deploy not in the cache" },
    message: {
      "zh-CN": ({ site, count, first }) =>
        `${site} 只构建了文件清单（npm run build -- --manifest-only），发布时要从构建缓存 .cache 里取文件，可是目标上缺少或不同的 ${count} 个文件缓存里没有，或者已经和构建时不一样（例如 ${first}）。什么都没有发布。`,
      en: ({ site, count, first }) =>
        `${site} was built as a manifest only (npm run build -- --manifest-only), so a deploy takes its files from the build cache, .cache; ${count} files the target lacks or holds otherwise are not in the cache, or no longer as built (e.g. ${first}). Nothing was deployed.`,
    },
    hint: {
      "zh-CN": () =>
        "运行完整构建 npm run build（不带 --manifest-only），再运行一次 npm run deploy。第一次发布到一个新的目标时总要这样：只构建清单的网站只能发布目标上已有网站之后的变化。",
      en: () =>
        "Run a whole build, npm run build (without --manifest-only), then npm run deploy again. A first deploy to a new target always needs one: a site of the manifest only can deploy what changed since the site the target holds.",
    },
    examples: [{ file: "_site", facts: { site: "_site", count: 1204, first: "2022/11/01/page-1.2048.3f9a1c.avif" } }],
  },
  DeployFailed: {
    title: { "zh-CN": "发布没有完成", en: "Deploy not finished" },
    message: {
      "zh-CN": ({ tool, code, said }) => `${tool} 没有完成发布（${typeof code === "number" ? `退出码 ${code}` : code}，它说：${said}）。`,
      en: ({ tool, code, said }) => `${tool} did not finish the deploy (${typeof code === "number" ? `exit code ${code}` : code}; it said: ${said}).`,
    },
    hint: {
      "zh-CN": () => "按它说的原因处理后再运行一次 npm run deploy：已经传上去的页面都能正常打开（页面总在它要用的文件之后上传），再运行一次会接着传完。",
      en: () =>
        "Deal with what it says and run npm run deploy again: the pages already sent work (a page is sent after what it loads), and the next run finishes the deploy.",
    },
    examples: [
      {
        file: "/mnt/share/site",
        facts: { tool: "rsync", code: 11, said: 'rsync: [receiver] write failed on "/mnt/share/site/index.html": No space left on device (28)' },
      },
      { file: "/mnt/share/site", facts: { tool: "npm run deploy", code: "EACCES", said: "EACCES: permission denied, open '_site.a/.baoku/deploy.json'" } },
    ],
  },
  DeployTargetLocked: {
    title: { "zh-CN": "另一次发布正在进行", en: "Another deploy is under way" },
    message: {
      "zh-CN": ({ host, pid, since, lock }) =>
        `另一次发布正在往这个目标上传（${host} 上的进程 ${pid}，${since} 开始），两次发布同时进行会把目标弄乱，所以这次什么都没有发布（目标上的锁：${lock}）。`,
      en: ({ host, pid, since, lock }) =>
        `Another deploy is sending to this target (process ${pid} on ${host}, since ${since}); two at once would leave it corrupt, so nothing was deployed (the target's lock: ${lock}).`,
    },
    hint: {
      "zh-CN": ({ lock }) =>
        `等那次发布结束后再运行 npm run deploy。如果确定它已经不在运行（例如那台机器关了），先删掉目标上的 ${lock}，再发布一次；同一台机器上被强行停止的发布会自动解锁。`,
      en: ({ lock }) =>
        `Run npm run deploy again once that deploy has finished. If you are sure it no longer runs (its machine is off), remove ${lock} on the target first; a deploy killed on this machine is unlocked by itself.`,
    },
    examples: [
      { file: "editor@www.example.cn:/srv/www", facts: { host: "ci-runner-2", pid: 4242, since: "2026-12-06T09:30:00Z", lock: ".baoku/deploy.lock" } },
    ],
  },
  DeployTargetHasLink: {
    title: { "zh-CN": "发布目标里有符号链接", en: "Deploy target holds a link" },
    message: {
      "zh-CN": ({ link }) =>
        `发布目标里的 ${link} 是一个符号链接（快捷方式）；rclone 会顺着它把网站写到目标以外的地方，或者读进别处的文件，所以这次什么都没有发布。`,
      en: ({ link }) =>
        `${link} in the deploy target is a symbolic link; rclone would follow it and write the site outside the target, or read files from elsewhere, so nothing was deployed.`,
    },
    hint: {
      "zh-CN": ({ link }) => `删掉目标里的 ${link}（rm ${link}，只删链接本身），再运行一次 npm run deploy；网站需要的文件会重新传上去。`,
      en: ({ link }) =>
        `Remove ${link} from the target (rm ${link} removes the link only) and run npm run deploy again; the files the site needs are sent again.`,
    },
    examples: [{ file: ":local:/srv/www", facts: { link: "2022" } }],
  },
  DeployTargetListTooLarge: {
    title: { "zh-CN": "发布目标上的文件清单太大", en: "Deploy target's list too large" },
    message: {
      "zh-CN": ({ list, limitMb }) =>
        `发布目标上的文件清单 ${list} 超过了 ${limitMb} MB，不像是报库写的清单（一份清单最多几十万行）；为了不花几分钟、占几 GB 内存去读它，这次什么都没有发布。`,
      en: ({ list, limitMb }) =>
        `The deploy target's list ${list} is over ${limitMb} MB, which no list Baoku writes comes near; it was not read (that would take minutes and gigabytes), and nothing was deployed.`,
    },
    hint: {
      "zh-CN": () => "删掉目标上的 .baoku 文件夹（里面只有发布用的清单），再运行 npm run deploy：没有清单时会把整个网站重新传一遍，之后又只传改动。",
      en: () =>
        "Remove the target's .baoku folder (it holds only the deploy's lists) and run npm run deploy again: without lists the whole site is sent once, and only changes after that.",
    },
    examples: [{ file: "editor@www.example.cn:/srv/www", facts: { list: ".baoku/deploy/3f9a1c0b2d4e5f60718293a4b5c6d7e8.sha256", limitMb: 16 } }],
  },
  DeployTargetNotAFile: {
    title: { "zh-CN": "发布目标上该是文件的地方是文件夹", en: "A folder where the target needs a file" },
    message: {
      "zh-CN": ({ path }) => `发布目标上的 ${path} 是一个文件夹，可发布要在那里写一个文件，所以这次发布没有完成。`,
      en: ({ path }) => `${path} on the deploy target is a folder, where the deploy has to write a file, so the deploy did not finish.`,
    },
    hint: {
      "zh-CN": ({ path }) => `看一下目标上的 ${path} 里有什么，需要的话挪走，然后删掉这个文件夹，再运行一次 npm run deploy。`,
      en: ({ path }) => `Look at what ${path} on the target holds, move it away if it is needed, remove the folder, and run npm run deploy again.`,
    },
    examples: [{ file: "/mnt/share/site", facts: { path: ".baoku/deploy.json" } }],
  },
} satisfies Wording;
