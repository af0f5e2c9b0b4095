// The words of the problems that stop a build while it writes the site and its cache, renders or indexes, in Chinese and in English.
import type { Wording } from "./catalogue.ts";

export const BUILD_PROBLEMS = {
  DiskFull: {
    title: { "zh-CN": "磁盘满了", en: "Disk full" },
    message: {
      "zh-CN": ({ freeMegabytes }) => `写这个文件时磁盘满了（它所在的磁盘只剩 ${freeMegabytes} MB）。`,
      en: ({ freeMegabytes }) => `The disk filled up while writing this file (${freeMegabytes} MB free on its disk).`,
    },
    hint: {
      "zh-CN": ({ neededMegabytes }) =>
        `腾出空间后再构建：这个报库的一次完整构建大约要写 ${neededMegabytes} MB（网站和 .cache），可以删掉旧的 .cache 或把 --output、--cache 放到空间大的磁盘上。`,
      en: ({ neededMegabytes }) =>
        `Free some space and build again: a whole build of this archive writes about ${neededMegabytes} MB (the site and .cache); remove an old .cache, or put --output and --cache on a larger disk.`,
    },
    examples: [{ file: ".cache/parts/2022-11/3f2a9c1b/site/2022/11/01/index.html", facts: { freeMegabytes: 0.4, neededMegabytes: 12 } }],
  },
  WriteFailed: {
    title: { "zh-CN": "写不进去", en: "Cannot write" },
    message: {
      "zh-CN": ({ reason, code }) => `这个文件写不进去：${reason === "permission" ? "没有写的权限" : "它在只读的磁盘上"}（${code}）。`,
      en: ({ reason, code }) =>
        `This file cannot be written: ${reason === "permission" ? "there is no permission to write it" : "it is on a read-only disk"} (${code}).`,
    },
    hint: {
      "zh-CN": () => "换一个能写的文件夹（--output、--cache），或者请管理员给这个文件夹写的权限。",
      en: () => "Use a folder that can be written (--output, --cache), or ask for permission to write this one.",
    },
    examples: [{ file: "_site.a/index.html", facts: { reason: "permission", code: "EACCES" } }],
  },
  CacheNotWritable: {
    title: { "zh-CN": "构建缓存写不进去", en: "Build cache not writable" },
    message: {
      "zh-CN": ({ code }) =>
        `构建缓存文件夹写不进去（${code}：只读的磁盘，或者没有写的权限），报库要在这里记下读过的每一期和做好的页面，所以这次没有构建；已经发布的网站没有动。`,
      en: ({ code }) =>
        `The build cache cannot be written (${code}: a read-only disk, or no permission), and Baoku keeps every issue it read and every page it made there, so nothing was built; the site already published is as it was.`,
    },
    hint: {
      "zh-CN": () => "让这个文件夹可以写（chmod u+w，或者重新以读写方式挂载），或者用 --cache 指定一个能写的文件夹，再构建一次。",
      en: () => "Make the folder writable (chmod u+w, or mount it read-write), or name a writable folder with --cache, and build again.",
    },
    examples: [{ file: ".cache", facts: { code: "EROFS" } }],
  },
  OutputMovedAside: {
    title: { "zh-CN": "网站文件夹被挪到一边", en: "Output moved aside" },
    message: {
      "zh-CN": ({ movedTo }) =>
        `这里原来有一个普通的文件或文件夹，不是报库构建时放的链接；里面可能有别人的东西，报库没有删它，而是把它挪到了 ${movedTo}，再放上新构建的网站。`,
      en: ({ movedTo }) =>
        `A plain file or folder was here, not the link a build makes; it may hold someone's work, so Baoku did not delete it but moved it to ${movedTo} and put the new site in its place.`,
    },
    hint: {
      "zh-CN": ({ movedTo }) => `看看 ${movedTo} 里有什么：需要的东西拿走，不需要了就删掉它。`,
      en: ({ movedTo }) => `Look at what ${movedTo} holds: take what is needed, then delete it.`,
    },
    examples: [{ file: "_site", facts: { movedTo: "_site.moved-aside-2026-12-06" } }],
  },
  RenderWorkerStopped: {
    title: { "zh-CN": "渲染进程停止了", en: "Render worker stopped" },
    message: {
      "zh-CN": ({ how, part }) => `渲染进程在渲染 ${part} 时停止了（${how}）。`,
      en: ({ how, part }) => `A render worker stopped (${how}) while rendering part ${part}.`,
    },
    hint: {
      "zh-CN": () =>
        "再运行一次 npm run build：已经做好的部分留在缓存里，不会重做。如果总在同一部分停止，多半是内存不够（SIGKILL 表示进程被系统结束了），关掉别的程序再试；还不行，就把这条提示告诉维护报库的人。",
      en: () =>
        "Run npm run build again: the parts already made stay in the cache. If it stops at the same part every time, memory is likely short (SIGKILL means the system ended it): close other programs and try again, or tell whoever maintains Baoku.",
    },
    examples: [{ file: ".cache/parts/2022-11/3f9a1c0b2d4e5f60/site", facts: { how: "SIGKILL", part: "2022-11" } }],
  },
  RenderFailed: {
    title: { "zh-CN": "渲染出错", en: "Rendering failed" },
    message: {
      "zh-CN": ({ part, reason }) => `渲染 ${part} 时出错（${reason}）。`,
      en: ({ part, reason }) => `Rendering part ${part} failed (${reason}).`,
    },
    hint: {
      "zh-CN": () => "这不是稿件的问题，是报库的模板或代码出了错：请把这条提示原样告诉维护报库的人。",
      en: () => "This is no mistake in the issues but one in Baoku's templates or code: pass this message on as it is to whoever maintains Baoku.",
    },
    examples: [
      {
        file: ".cache/parts/2022-11/3f9a1c0b2d4e5f60/site",
        facts: { part: "2022-11", reason: "EleventyMapPagesError: Error generating template page(s) for ./templates/article.njk." },
      },
    ],
  },
  SearchIndexFailed: {
    title: { "zh-CN": "搜索索引没有建成", en: "Search index not built" },
    message: {
      "zh-CN": ({ errors }) => `Pagefind 没能索引稿件页面（${errors}）。`,
      en: ({ errors }) => `Pagefind could not index the article pages (${errors}).`,
    },
    hint: {
      "zh-CN": () => "再运行一次 npm run build：已经索引好的部分留在缓存里，不会重做。还是不行，就把这条提示告诉维护报库的人。",
      en: () => "Run npm run build again: the bundles already indexed stay in the cache. If it fails again, tell whoever maintains Baoku.",
    },
    examples: [
      { file: ".cache/search/2022/3f9a1c0b2d4e5f60/files", facts: { errors: "exit code 101: thread 'main' panicked at pagefind/src/fossick/mod.rs:113:5" } },
    ],
  },
  BuildRunning: {
    title: { "zh-CN": "另一个构建还在进行", en: "Another build is running" },
    message: {
      "zh-CN": ({ pid, minutes }) => `另一个构建（进程 ${pid}）正在写同一个网站，等了 ${minutes} 分钟还没有结束。`,
      en: ({ pid, minutes }) => `Another build (process ${pid}) is writing the same site and has not finished after ${minutes} minutes.`,
    },
    hint: {
      "zh-CN": ({ pid }) => `等它结束后再构建；如果它卡住了，先停掉它（kill ${pid}），再构建一次。`,
      en: ({ pid }) => `Build again when it has finished; if it is stuck, stop it first (kill ${pid}).`,
    },
    examples: [{ file: "_site.lock", facts: { pid: 4242, minutes: 30 } }],
  },
} satisfies Wording;
