/**
 * Every word of a batch's table and page, in English and Vietnamese. The
 * Vietnamese follows the after-action report's (engine/review/messages.ts):
 * the same words for runs, ratings, "not tested", metrics and comparators,
 * so that a planner reads the batch and the AAR of one of its runs alike.
 * Templates may hold markup (the page's `<code>`); their parameters come in
 * already escaped where the caller writes HTML. A key missing in a language
 * shows as ⟦key⟧, which the tests look for.
 */
import { MESSAGES } from '../review/messages.js';
import type { Lang } from '../scenario/text.js';
import { SEED_FORMULA } from './seeds.js';

const en: Record<string, string> = {
  // figures
  never: 'never',
  runs: '{n} runs',
  master_seed: 'master seed {seed}',
  none: 'none',
  to: '{a} to {b}',
  // the terminal table (engine/cli/batch-summary.ts)
  'sum.runs_vary': '{runs} runs for each of {n} values of {key} (the same seeds for each value)',
  'sum.decisions': 'decisions replayed ({count}, played: {players}; doctrine plays the rest)',
  'sum.doctrine': 'all roles by doctrine',
  'sum.shard': '; this is shard {i}/{n}: {k} of the {total} runs (merge the shards with `drill merge`)',
  'sum.headline': '{id}: "{title}", {runs}, {seed}, {who}{shard}',
  'sum.metric': 'metric',
  'sum.mean_ci': 'mean [95 % CI]',
  'sum.median': 'median',
  'sum.never': 'never',
  'sum.objective': 'objective',
  'sum.met_ci': 'met [95 % CI]',
  'sum.not_tested': 'not tested',
  'sum.met_if_tested': 'met if tested',
  'sum.median_value': 'median value',
  'sum.note1': 'objectives: met, P, S, M, U and "not tested" are shares of all runs (they add up to 100 %, give or take rounding);',
  'sum.note2': '"not tested": runs where what the objective measures did not come about (e.g. no incident of its kind), counted as not',
  'sum.note3': 'met; "met if tested" and the median value are over the runs where it was tested',
  'sum.objective_met': 'objective met [95 % CI]',
  'sum.objective_not_tested': 'objective not tested',
  'sum.no_effect': 'every value of {key} gave the same runs, run for run: it never came into play. Some fields only describe (a unit\'s\ncrew is counted in the report, not simulated); others wait on decisions (a zone nobody orders out never uses its evacuation\nrate: replay orders that use it with --decisions F)',
  'page.no_effect': 'Every value of <code>{key}</code> gave the same runs, run for run: it never came into play. Some fields only describe (a unit\'s crew is counted in the report, not simulated); others wait on decisions (a zone nobody orders out never uses its evacuation rate: replay orders that use it with <code>drill batch --decisions F</code>).',
  'sum.intervals': 'intervals: mean with Student\'s t, probabilities with Wilson score; "never": runs in which it did not happen (left out of the mean)',
  // the page (engine/batch/html.ts)
  'page.title': 'Batch: {title}',
  'page.scenario': 'scenario <code>{id}</code>',
  'page.runs_vary': '{runs} runs for each of {n} values of <code>{key}</code> (the same seeds for each value)',
  'page.decisions': 'decisions replayed: {count} (played: {players}; doctrine plays the rest)',
  'page.doctrine': 'all roles played by doctrine',
  'page.shard': '<strong>shard {i}/{n} only: {k} runs</strong>',
  'page.engine': 'engine {engine}',
  'page.footer': 'Intervals: means with Student\'s t (95 %), probabilities with the Wilson score interval (95 %). "Never": runs in which the value did not come about, left out of means and histograms. Seeds: {seeds}. Written by drill batch.',
  'hist.no_value': 'no run produced a value (never: {n} runs)',
  'hist.single': 'every run{every} that produced a value: <strong>{v}</strong>{crit}',
  'hist.single_every': ' of every value',
  'hist.single_crit': ' (criterion {cmp} {v})',
  'hist.never_runs': 'never: {list} runs',
  'hist.band': '5th to 95th percentile: {a} to {b}',
  'hist.bin': '{a} to {b}: {c} runs',
  'hist.median': 'median {v}',
  'hist.xlabel': '{label}, runs per bin',
  'hist.xlabel_short': 'runs per bin',
  'hist.legend_never': ' (never: {n})',
  'hist.never_not_drawn': '{n} runs: never (not drawn)',
  'hist.aria': 'histogram of {label}',
  'rating.nt_short': 'n/t',
  'rating.NT': 'not tested',
  'rating.title': '{k}: {p} ({count} of {n} runs; 95 % CI {lo} to {hi})',
  'rating.aria': 'ratings',
  'met.aria': 'probability met',
  'met.title': 'met in {count} of {n} runs: {p}, 95 % CI {lo} to {hi}',
  'sweep.dot': '{v}: {y} (95 % CI {lo} to {hi})',
  'sweep.met': '{id}: probability met',
  'sweep.mean': '{label}: mean',
  'sweep.h2': 'Sweep curves (points: mean or probability; bars and band: 95 % interval)',
  'obj.not_tested': 'not tested in {count} of {n} runs ({p}); met in {mcount} of the {mn} tested{mp}',
  'obj.h2': 'Objectives: how often each rating comes out',
  'obj.th_objective': 'objective',
  'obj.th_rating': 'rating P / S / M / U / not tested',
  'obj.th_met': 'criterion met (95 % Wilson interval)',
  'obj.note': 'Shares of all runs: P, S, M, U and not tested add up to 100 % (give or take a point of rounding). An objective is not tested in a run when what it measures did not come about there (no incident of its kind, an inject never delivered...): such a run counts as not met, and is left out of the objective\'s values.',
  'key.h2': 'Key metrics over the runs{how}',
  'key.vary': ', one outline per value of <code>{key}</code>',
  'key.single': ' (shaded: 5th to 95th percentile; line: median)',
  'objhist.h2': 'Objective values over the runs (dashed: the criterion\'s threshold)',
  'stats.h2': 'All metrics',
  'stats.metric': 'metric',
  'stats.mean': 'mean',
  'stats.ci': '95 % CI of the mean',
  'stats.median': 'median',
  'stats.runs': 'runs',
  'stats.never': 'never',
};

const vi: Record<string, string> = {
  never: MESSAGES.vi['fmt.never'],
  runs: '{n} lượt chạy',
  master_seed: 'hạt giống gốc {seed}',
  none: 'không có',
  to: '{a} đến {b}',
  'sum.runs_vary': '{runs} lượt chạy cho mỗi giá trị trong {n} giá trị của {key} (mọi giá trị đều chạy với cùng các hạt giống)',
  'sum.decisions': 'phát lại {count} quyết định (vai do học viên đảm nhận: {players}; phương án tự động đảm nhận các vai còn lại)',
  'sum.doctrine': 'mọi vai do phương án tự động đảm nhận',
  'sum.shard': '; đây là phần {i}/{n}: {k} trên {total} lượt chạy (gộp các phần bằng `drill merge`)',
  'sum.headline': '{id}: "{title}", {runs}, {seed}, {who}{shard}',
  'sum.metric': 'chỉ số',
  'sum.mean_ci': 'trung bình [KTC 95%]',
  'sum.median': 'trung vị',
  'sum.never': 'không có',
  'sum.objective': 'mục tiêu',
  'sum.met_ci': 'đạt [KTC 95%]',
  'sum.not_tested': 'không đánh giá',
  'sum.met_if_tested': 'đạt khi được đánh giá',
  'sum.median_value': 'giá trị trung vị',
  'sum.note1': 'mục tiêu: "đạt", P, S, M, U và "không đánh giá" là tỷ lệ trên tổng số lượt chạy (cộng lại bằng 100%, có thể lệch do làm tròn);',
  'sum.note2': '"không đánh giá": các lượt chạy mà việc mục tiêu cần đo đã không diễn ra (chẳng hạn không có sự cố loại đó), tính là',
  'sum.note3': 'không đạt; "đạt khi được đánh giá" và giá trị trung vị chỉ tính trên các lượt chạy có đánh giá mục tiêu đó',
  'sum.objective_met': 'mục tiêu đạt [KTC 95%]',
  'sum.objective_not_tested': 'mục tiêu không đánh giá',
  'sum.no_effect': 'mọi giá trị của {key} cho cùng kết quả ở từng lượt chạy: tham số này không phát huy tác dụng. Có trường chỉ để mô tả (quân số\ncủa lực lượng được đếm trong báo cáo, không được mô phỏng); có trường chờ quyết định (vùng không ai ra lệnh sơ tán thì không\ndùng đến tốc độ sơ tán: hãy phát lại các lệnh có dùng đến nó bằng --decisions F)',
  'page.no_effect': 'Mọi giá trị của <code>{key}</code> cho cùng kết quả ở từng lượt chạy: tham số này không phát huy tác dụng. Có trường chỉ để mô tả (quân số của lực lượng được đếm trong báo cáo, không được mô phỏng); có trường chờ quyết định (vùng không ai ra lệnh sơ tán thì không dùng đến tốc độ sơ tán: hãy phát lại các lệnh có dùng đến nó bằng <code>drill batch --decisions F</code>).',
  // two lines: the Vietnamese also says what p5 and p95 are, which the English leaves to the reader
  'sum.intervals': 'KTC: khoảng tin cậy 95%, của trung bình theo phân phối t Student, của tỷ lệ theo khoảng Wilson; p5, p95: bách phân vị thứ 5, thứ 95;\n"không có": số lượt chạy mà giá trị đó không xảy ra (không tính vào trung bình)',
  'page.title': 'Kết quả nhiều lượt chạy: {title}',
  'page.scenario': 'kịch bản <code>{id}</code>',
  'page.runs_vary': '{runs} lượt chạy cho mỗi giá trị trong {n} giá trị của <code>{key}</code> (mọi giá trị đều chạy với cùng các hạt giống)',
  'page.decisions': 'phát lại {count} quyết định (vai do học viên đảm nhận: {players}; phương án tự động đảm nhận các vai còn lại)',
  'page.doctrine': 'mọi vai do phương án tự động đảm nhận',
  'page.shard': '<strong>chỉ phần {i}/{n}: {k} lượt chạy</strong>',
  'page.engine': 'bộ mô phỏng {engine}',
  'page.footer': 'Khoảng tin cậy (KTC) 95%: của trung bình theo phân phối t Student, của xác suất theo khoảng Wilson. p5, p95: bách phân vị thứ 5, thứ 95. "Không có": các lượt chạy mà giá trị đó không xảy ra, không tính vào trung bình và biểu đồ tần suất. Hạt giống: {seeds}. Lập bằng lệnh drill batch.',
  'hist.no_value': 'không lượt chạy nào có giá trị (không có: {n} lượt)',
  'hist.single': 'mọi lượt chạy{every} có giá trị đều cho: <strong>{v}</strong>{crit}',
  'hist.single_every': ' của mọi giá trị',
  'hist.single_crit': ' (tiêu chí {cmp} {v})',
  'hist.never_runs': 'không có: {list} lượt',
  'hist.band': 'từ bách phân vị thứ 5 đến thứ 95: {a} đến {b}',
  'hist.bin': '{a} đến {b}: {c} lượt',
  'hist.median': 'trung vị {v}',
  'hist.xlabel': '{label}; cột: số lượt chạy',
  'hist.xlabel_short': 'chiều cao cột: số lượt chạy',
  'hist.legend_never': ' (không có: {n})',
  'hist.never_not_drawn': '{n} lượt: không có (không vẽ)',
  'hist.aria': 'biểu đồ tần suất: {label}',
  'rating.nt_short': 'KĐG',
  'rating.NT': 'không đánh giá',
  'rating.title': '{k}: {p} ({count} trên {n} lượt; KTC 95%: {lo} đến {hi})',
  'rating.aria': 'xếp loại',
  'met.aria': 'xác suất đạt',
  'met.title': 'đạt trong {count} trên {n} lượt: {p}, KTC 95%: {lo} đến {hi}',
  'sweep.dot': '{v}: {y} (KTC 95%: {lo} đến {hi})',
  'sweep.met': '{id}: xác suất đạt',
  'sweep.mean': '{label} (trung bình các lượt chạy)',
  'sweep.h2': 'Đường biến thiên theo giá trị tham số (điểm: trung bình hoặc xác suất; vạch và dải: khoảng tin cậy 95%)',
  'obj.not_tested': 'không đánh giá trong {count} trên {n} lượt ({p}); đạt {mcount} trên {mn} lượt có đánh giá{mp}',
  'obj.h2': 'Mục tiêu: tần suất của từng mức xếp loại',
  'obj.th_objective': 'mục tiêu',
  'obj.th_rating': 'xếp loại P / S / M / U / KĐG (không đánh giá)',
  'obj.th_met': 'đạt tiêu chí (khoảng Wilson 95%)',
  'obj.note': `Tỷ lệ trên tổng số lượt chạy: P, S, M, U và không đánh giá cộng lại bằng 100% (có thể lệch một điểm do làm tròn). ${MESSAGES.vi['rating.scale'].split('. ')[0]}. Một mục tiêu không được đánh giá trong một lượt chạy khi việc nó cần đo đã không diễn ra trong lượt đó (không có sự cố loại đó, một tình huống không được chuyển...): lượt chạy đó tính là không đạt, và không tính vào các giá trị của mục tiêu.`,
  'key.h2': 'Các chỉ số chính qua các lượt chạy{how}',
  'key.vary': ', mỗi giá trị của <code>{key}</code> một đường',
  'key.single': ' (vùng tô: từ bách phân vị thứ 5 đến thứ 95; vạch đậm: trung vị)',
  'objhist.h2': 'Giá trị của các mục tiêu qua các lượt chạy (nét đứt: ngưỡng của tiêu chí)',
  'stats.h2': 'Tất cả các chỉ số',
  'stats.metric': 'chỉ số',
  'stats.mean': 'trung bình',
  'stats.ci': 'KTC 95% của trung bình',
  'stats.median': 'trung vị',
  'stats.runs': 'số lượt',
  'stats.never': 'không có',
};

const CATALOGUE: Record<Lang, Record<string, string>> = { en, vi };

/** A message with its `{k}` parameters filled in. */
export function say(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const tpl = CATALOGUE[lang][key];
  if (tpl === undefined) return `⟦${key}⟧`;
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `⟦${key}.${k}⟧` : String(params[k])));
}

/** The seed formula a results file states, in the page's language when it is the one this engine writes. */
export function seedFormula(lang: Lang, formula: string): string {
  if (lang === 'vi' && formula === SEED_FORMULA) return 'hạt giống của lượt k = 8 chữ số hex đầu tiên của sha256("S/k") (S là hạt giống gốc, k là số thứ tự của lượt chạy), đọc như một số nguyên 32 bit không dấu';
  return formula;
}

/** The key words of the catalogues, for the tests: every key in both languages. */
export function catalogueKeys(lang: Lang): string[] {
  return Object.keys(CATALOGUE[lang]);
}
