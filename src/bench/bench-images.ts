// The image benchmark (`npm run bench:images`): times the image step of a cold build (empty cache) over a few dozen generated photos, then
// a warm one, and prints images per second; figures go in docs/BENCHMARKS.md under "Images".
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { loadArchive } from "../content/archive.ts";
import { hasErrors } from "../problems.ts";
import { formatProblems } from "../messages/report.ts";
import { publishedFiles } from "../site/published-files.ts";
import encodeImages from "../build/encode-images.ts";

export interface ImageBenchOptions {
  photoCount: number;
  width: number;
  height: number;
  concurrency: number;
}

export async function runImageBench({ photoCount, width, height, concurrency }: ImageBenchOptions): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-bench-images-"));
  try {
    const contentRoot = path.join(root, "content");
    const folder = path.join(contentRoot, "issues/2022/2022-11-02");
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(contentRoot, "baoku.config.json"),
      JSON.stringify({
        paper: { name: "东昌府讯", masthead: "DONGCHANGSHIXUN" },
        datelinePrefixes: ["东昌府讯"],
        site: { baseUrl: "http://localhost:8080/" },
      }),
    );
    const articles = Array.from(
      { length: photoCount },
      (_, index) => `## 照片${index + 1}\n\n![照片${index + 1}](photo-${index + 1}.jpg "融媒体 张三 摄")\n\n正文。\n\n(融媒体 张三)\n`,
    );
    await writeFile(
      path.join(contentRoot, "issues/2022/2022-11-02.md"),
      `---\nissue: 1481\ndate: 2022-11-02\nlunar: 壬寅年十月初九\npages: 4\n---\n\n# 第1版\n\n${articles.join("\n")}`,
    );
    for (let index = 1; index <= photoCount; index++) {
      // Blurred noise has the fine texture of a photo, unlike a flat gradient that encoders make light work of.
      await sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 60 } } })
        .blur(1.5)
        .jpeg({ quality: 90 })
        .toFile(path.join(folder, `photo-${index}.jpg`));
    }

    const archive = await loadArchive(contentRoot);
    if (hasErrors(archive.problems)) throw new Error(formatProblems(archive.problems, "en"));
    const { derivatives } = publishedFiles(archive.issues);
    const cacheDir = path.join(root, "cache");

    const coldStart = performance.now();
    const cold = await encodeImages(derivatives, { contentRoot, cacheDir, concurrency });
    const coldSeconds = (performance.now() - coldStart) / 1000;
    const warmStart = performance.now();
    const warm = await encodeImages(derivatives, { contentRoot, cacheDir, concurrency });
    const warmSeconds = (performance.now() - warmStart) / 1000;

    console.log(
      `${photoCount} photos of ${width}×${height}, ${derivatives.length} derivatives (AVIF, WebP, JPEG at ${derivatives.length / photoCount / 3} widths), concurrency ${concurrency} on ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`,
    );
    console.log(
      `cold: ${cold.encoded} encoded in ${coldSeconds.toFixed(1)} s = ${(photoCount / coldSeconds).toFixed(2)} images/s (${(cold.encoded / coldSeconds).toFixed(1)} derivatives/s)`,
    );
    const sizes = new Map<string, number[]>();
    for (const derivative of derivatives) {
      const key = `${derivative.format} ${derivative.width}w`;
      sizes.set(key, [...(sizes.get(key) ?? []), (await stat(cold.files.get(derivative.path)!)).size]);
    }
    console.log(
      `mean size: ${[...sizes].map(([key, bytes]) => `${key} ${(bytes.reduce((sum, size) => sum + size, 0) / bytes.length / 1024).toFixed(0)} KB`).join(", ")}`,
    );
    console.log(`warm: ${warm.encoded} encoded, ${warm.reused} from the cache in ${warmSeconds.toFixed(2)} s`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
