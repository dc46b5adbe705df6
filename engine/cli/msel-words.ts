/**
 * `drill msel import` in Vietnamese: the problems found in a sheet (engine/scenario/msel.ts words them in
 * English) and the command's own lines. The problems are said through a table of the English messages and
 * hints (anchored, as engine/play/cli-problems.ts does for the shared CLI messages): a problem whose message
 * or hint the table does not know is left whole in English, place included, so that a line is never half in
 * one language. The words are those of the scenario problems (issue-words.ts): tình huống (inject), vai (role).
 */
import type { MselIssue } from '../scenario/msel.js';
import { sayIn } from '../scenario/say.js';
import type { Lang } from '../scenario/text.js';

type Rule = [RegExp, string];

/** English message -> Vietnamese; $1.. are the captured parts. */
const MESSAGES: Rule[] = [
  // the sheet as a whole
  [/^the file is empty$/, 'tệp rỗng'],
  [/^not a readable CSV file: (.*)$/s, 'không đọc được tệp CSV: $1'],
  [/^a quote \("\) opens this cell and is never closed: the rest of the file would be read into it$/, 'ô này mở dấu ngoặc kép (") mà không đóng: phần còn lại của tệp sẽ bị đọc vào ô này'],
  [/^the sheet has a header but no injects$/, 'bảng có hàng tiêu đề nhưng không có tình huống nào'],
  [/^unknown column '(.*)'$/s, "không có cột '$1'"],
  [/^column '(.*)' appears twice \(columns (\d+) and (\d+)\)$/s, "cột '$1' xuất hiện hai lần (cột $2 và $3)"],
  [/^give '(.*)' \(both languages\) or '(.*)'\/'(.*)', not both$/s, "hãy cho '$1' (cả hai ngôn ngữ) hoặc '$2'/'$3', không cho cả hai"],
  [/^no '([^']*)' or '([^']*)' column$/, "không có cột '$1' hoặc '$2'"],
  [/^no '([^']*)' column$/, "không có cột '$1'"],
  [/^a value in a column without a name: '(.*)'$/s, "có giá trị trong một cột không có tên: '$1'"],
  // a row
  [/^no number$/, 'không có số thứ tự'],
  [/^'(.*)' is not a whole number above 0$/s, "'$1' không phải số nguyên lớn hơn 0"],
  [/^'(.*)' is not a valid id$/s, "'$1' không phải mã hợp lệ"],
  [/^id '(.*)' is also used in row (\d+)$/s, "mã '$1' đã được dùng ở hàng $2"],
  [/^no id: the id its number gives, '(.*)', is also used in row (\d+)$/s, "không có mã: mã lấy từ số thứ tự của hàng, '$1', đã được dùng ở hàng $2"],
  [/^number (\d+) is also used in row (\d+)$/, 'số $1 đã được dùng ở hàng $2'],
  [/^the row has only a number \('(.*)'\), no inject$/s, "hàng chỉ có số thứ tự ('$1'), không có tình huống"],
  [/^column '(.*)' is read as notes: its cells are not imported$/s, "cột '$1' được coi là ghi chú: nội dung các ô của cột không được nhập"],
  [/^no sender$/, 'không có người gửi'],
  [/^no receiving role$/, 'không có vai nhận'],
  [/^unknown role '(.*)'$/s, "không có vai '$1'"],
  [/^no delivery method$/, 'không có hình thức chuyển'],
  [/^'(.*)' is not a delivery method$/s, "'$1' không phải hình thức chuyển"],
  [/^'(.*)' is not an inject type$/s, "'$1' không phải loại tình huống"],
  [/^no subject$/, 'không có tiêu đề'],
  [/^no message$/, 'không có nội dung'],
  [/^unknown objective '(.*)'$/s, "không có mục tiêu '$1'"],
  [/^unknown command '(.*)'$/s, "không có lệnh '$1'"],
  [/^'(.*)' does not start with a command$/s, "'$1' không bắt đầu bằng một lệnh"],
  [/^(\w+) needs (.*)$/s, '$1 cần $2'],
  // the time column
  [/^no time$/, 'không có thời điểm'],
  [/^'(.*)' is not a time$/s, "'$1' không phải một thời điểm"],
  [/^'(.*)' is not a duration$/s, "'$1' không phải một khoảng thời gian"],
  [/^'(.*)' is too long to be a duration: it is more seconds than a number holds exactly$/s, "'$1' quá dài để là một khoảng thời gian: số giây lớn quá mức máy tính đếm được chính xác"],
  [/^'(.*)' is too long to be a time: it is more seconds than a number holds exactly$/s, "'$1' quá dài để là một thời điểm: số giây lớn quá mức máy tính đếm được chính xác"],
  [/^'when' without a condition$/, "'when' mà không có điều kiện"],
  [/^no row has number (\d+)$/, 'không có hàng nào mang số $1'],
  [/^no inject '(.*)' in this sheet$/s, "không có tình huống '$1' trong bảng này"],
  [/^'(.*)' read as (T\+\S+) is after the end of the scenario \(horizon (\S+)\)$/s, "'$1' được đọc là $2, sau khi kịch bản kết thúc (horizon $3)"],
  [/^(.+) is after the end of the scenario \(horizon (\S+)\)$/s, '$1 là sau khi kịch bản kết thúc (horizon $2)'],
  [/^'(.*)' is given twice$/s, "'$1' được cho hai lần"],
  [/^'(.*)' needs a name: write name=value$/s, "'$1' cần có tên: hãy viết tên=giá-trị"],
  [/^'(.*)' is not a part of an expected action$/s, "'$1' không phải một phần của hành động mong đợi"],
  [/^'(.*)' is not a part of a condition$/s, "'$1' không phải một phần của điều kiện"],
  [/^'area' is not a part of the command evacuate: an evacuation names the zone to empty, not an area$/, "'area' không phải một phần của lệnh evacuate: lệnh sơ tán ghi khu vực sơ tán phải sơ tán, không ghi địa bàn"],
  [/^'(.*)' is not a part of the command (\S+)$/s, "'$1' không phải một phần của lệnh $2"],
  [/^unknown hazard '(.*)'$/s, "không có thiên tai '$1'"],
  [/^unknown area '(.*)'$/s, "không có địa bàn '$1'"],
  [/^unknown incident kind '(.*)'$/s, "không có loại sự cố '$1'"],
  [/^unknown road '(.*)'$/s, "không có tuyến đường '$1'"],
  [/^unknown unit '(.*)'$/s, "không có đơn vị '$1'"],
  [/^unknown evacuation zone '(.*)'$/s, "không có khu vực sơ tán '$1'"],
  [/^unknown shelter '(.*)'$/s, "không có điểm sơ tán '$1'"],
  [/^'(.*)' is not a valid incident id$/s, "'$1' không phải mã sự cố hợp lệ"],
  [/^above=(.*): not a number$/s, 'above=$1: không phải một số'],
  [/^alarm=(.*): the alarm levels are bd1, bd2, bd3$/s, 'alarm=$1: các cấp báo động là bd1, bd2, bd3'],
  [/^(\w+)=(.*): a whole number from (\d+) to (\d+)$/s, '$1=$2: một số nguyên từ $3 đến $4'],
  [/^within=(.*): not a duration$/s, 'within=$1: không phải một khoảng thời gian'],
  [/^within=(.*): too long to be a duration: it is more seconds than a number holds exactly$/s, 'within=$1: quá dài để là một khoảng thời gian: số giây lớn quá mức máy tính đếm được chính xác'],
  [/^number (\d+) is used by rows (\d+) and (\d+)$/, 'số $1 được dùng ở các hàng $2 và $3'],
  [/^the inject in row (\d+) \('(.*)'\) has no expected action for this contingency to chase$/s, "tình huống ở hàng $1 ('$2') không có hành động mong đợi để tình huống dự phòng này theo dõi"],
  [/^give message=\.\.\. \(both languages\) or message\.vi=\.\.\. message\.en=\.\.\., not both$/, 'hãy cho message=... (cả hai ngôn ngữ) hoặc message.vi=... message.en=..., không cho cả hai'],
  // a decision point
  [/^option (\d+) \('(.*)'\) does not start with 'id:'$/s, "phương án $1 ('$2') không bắt đầu bằng 'mã:'"],
  [/^'(.*)' is not a valid option id$/s, "'$1' không phải mã phương án hợp lệ"],
  [/^'(.*)' is not one of the options$/s, "'$1' không phải một trong các phương án"],
  [/^option '(.*)' is given twice$/s, "phương án '$1' được cho hai lần"],
  [/^a decision needs at least two options \(has (\d+)\)$/, 'một quyết định cần ít nhất hai phương án (đang có $1)'],
  [/^a decision needs a deadline$/, 'một quyết định cần có thời hạn'],
  [/^a decision needs a default option \(applied when the deadline passes\)$/, 'một quyết định cần một phương án mặc định (áp dụng khi hết hạn)'],
  // the notations inside a cell (engine/scenario/msel-cells.ts): key=value words, quoted texts, option labels
  [/^'=' without a name before it$/, "'=' mà không có tên đứng trước"],
  [/^'(.*)=' has no value$/s, "'$1=' không có giá trị"],
  [/^a quote in the middle of '(.*)'$/s, "có dấu ngoặc kép ở giữa '$1'"],
  [/^expected a space after '(.*)'$/s, "cần một dấu cách sau '$1'"],
  [/^a quoted text is not closed \(missing "\)$/, 'một đoạn chữ trong ngoặc kép chưa được đóng (thiếu ")'],
  [/^bad escape in the quoted text (.*)$/s, 'dấu \\ dùng sai trong đoạn chữ trong ngoặc kép $1'],
  [/^a label has at most one '\|' \(Vietnamese \| English\); put a text with '\|' in double quotes$/, "một nhãn có nhiều nhất một dấu '|' (tiếng Việt | tiếng Anh); hãy đặt đoạn chữ có '|' trong ngoặc kép"],
  [/^unexpected '(.*)' after the label; write 'id: label -> command'$/s, "có '$1' thừa sau nhãn; hãy viết 'mã: nhãn -> lệnh'"],
  [/^the option has no label$/, 'phương án không có nhãn'],
  // the whole scenario after the sheet went in
  [/^the scenario would not load: (.*)$/s, 'kịch bản sẽ không đọc được: $1'],
];

/** English hint -> Vietnamese. */
const HINTS: Rule[] = [
  [/^did you mean '(.*)'\?$/s, "có phải '$1'?"],
  [/^known: (.*)$/s, 'có thể dùng: $1'],
  [/^one of: (.*)$/s, 'một trong: $1'],
  [/^the columns are: (.*)$/s, 'các cột là: $1'],
  [/^the first row names the columns: (.*)$/s, 'hàng đầu tiên ghi tên các cột: $1'],
  [/^add the column '([^']*)' \(and '([^']*)'\)$/, "hãy thêm cột '$1' (và '$2')"],
  [/^keep one of them$/, 'hãy giữ một cột'],
  [/^fill its inject in, or delete the row$/, 'hãy điền tình huống của hàng, hoặc xóa hàng đó'],
  [/^they stay in the sheet only; what players must receive goes in the message columns$/, 'nội dung đó chỉ nằm lại trong bảng; điều người chơi cần nhận hãy ghi vào các cột message'],
  [/^give the column a name in row (\d+), or clear the cell$/, 'hãy đặt tên cho cột ở hàng $1, hoặc xóa ô đó'],
  [/^add one row per inject$/, 'hãy thêm mỗi tình huống một hàng'],
  [/^the file may be cut short, or the closing quote deleted: save it again from the spreadsheet program, or close the quote$/, 'có thể tệp bị cụt, hoặc dấu ngoặc kép đóng đã bị xóa: hãy lưu lại từ chương trình bảng tính, hoặc đóng dấu ngoặc kép'],
  [/^save the sheet as "CSV UTF-8"$/, 'hãy lưu bảng dưới dạng "CSV UTF-8"'],
  [/^number the rows 1, 2, 3, \.\.\.$/, 'hãy đánh số các hàng 1, 2, 3, ...'],
  [/^give each inject its own id$/, 'hãy cho mỗi tình huống một mã riêng'],
  [/^give the row an id, or its own number$/, 'hãy cho hàng này một mã, hoặc một số riêng'],
  [/^give each inject its own number$/, 'hãy cho mỗi tình huống một số riêng'],
  [/^write a role id or who sends it, e\.g\. "Hydro-Met Centre"$/, 'hãy ghi mã một vai hoặc nơi gửi, ví dụ "Đài Khí tượng Thủy văn"'],
  [/^give a subject in Vietnamese, English or both$/, 'hãy ghi tiêu đề bằng tiếng Việt, tiếng Anh hoặc cả hai'],
  [/^give the message in Vietnamese, English or both$/, 'hãy ghi nội dung bằng tiếng Việt, tiếng Anh hoặc cả hai'],
  [/^write (T\+\S+) \((.*) after the start\)$/s, 'hãy viết $1 ($2 sau khi bắt đầu)'],
  [/^write T\+02:30 \(2 h 30 min after the start\), 'when <condition>' or 'if not done 1h after #3'$/, "hãy viết T+02:30 (2 giờ 30 phút sau khi bắt đầu), 'when <điều kiện>' hoặc 'if not done 1h after #3'"],
  // an evacuation given an area (msel.ts zoneOfArea): the zone, or zones, in that area
  [/^write zone=(\S+), the zone in '(.*)'$/s, "hãy viết zone=$1, là khu vực sơ tán trong '$2'"],
  [/^write zone= with one of the zones in '(.*)': (.*)$/s, "hãy viết zone= với một trong các khu vực sơ tán trong '$1': $2"],
  [/^'(.*)' is an area, not a zone: write zone=(\S+), the zone in it$/s, "'$1' là một địa bàn, không phải khu vực sơ tán: hãy viết zone=$2, là khu vực sơ tán trong địa bàn đó"],
  [/^'(.*)' is an area, not a zone: write zone= with one of the zones in it, (.*)$/s, "'$1' là một địa bàn, không phải khu vực sơ tán: hãy viết zone= với một trong các khu vực sơ tán trong địa bàn đó, $2"],
  [/^write (\S+)$/, 'hãy viết $1'],
  [/^write a time up to the end of the scenario, (T\+\S+)$/, 'hãy viết một thời điểm không quá lúc kịch bản kết thúc, $1'],
  [/^move it earlier or lengthen the horizon$/, 'hãy đưa nó lên sớm hơn hoặc kéo dài horizon'],
  // a clock time past the horizon (msel-bare-times.ts clockAdvice, in the words of issue-words.ts 'clock.if-meant')
  [/^if you meant the clock time (\S+) the next day, write (T\+\S+)$/, 'nếu ý bạn là giờ đồng hồ $1 ngày hôm sau, hãy viết $2'],
  [/^if you meant the clock time (\S+), write (T\+\S+)$/, 'nếu ý bạn là giờ đồng hồ $1, hãy viết $2'],
  [/^refer to the number \(or id\) of the inject this one chases$/, 'hãy ghi số (hoặc mã) của tình huống mà tình huống này theo dõi'],
  [/^e\.g\. 30m$/, 'ví dụ 30m'],
  [/^names: (.*)$/s, 'các tên: $1'],
  [/^conditions: (.*)$/s, 'các điều kiện: $1'],
  [/^write e\.g\. '(.*)'$/s, "hãy viết ví dụ '$1'"],
  [/^write it like '90s', '45m', '2h30m', '1d6h' or 'T\+02:30'$/, "hãy viết như '90s', '45m', '2h30m', '1d6h' hoặc 'T+02:30'"],
  [/^refer to the inject by its id instead$/, 'hãy ghi tình huống bằng mã của nó'],
  [/^give that row an expected action$/, 'hãy cho hàng đó một hành động mong đợi'],
  [/^one option per line: 'id: label -> command; command'$/, "mỗi dòng một phương án: 'mã: nhãn -> lệnh; lệnh'"],
  [/^write '(evacuate-now: .*)'$/s, "hãy viết '$1'"],
  [/^ids use lower-case letters, digits, "\.", "_" and "-"$/, 'mã gồm chữ thường, chữ số, ".", "_" và "-"'],
  [/^'(.*)' is written (\S+) in the sheet$/s, "'$1' được ghi là $2 trong bảng"],
];

/**
 * A message that another one goes on after: the place inside the cell (a decision option, a value after
 * `key=`), then the problem there, itself said through MESSAGES. English -> the Vietnamese place.
 */
const PLACES: Rule[] = [
  [/^option '([^']*)': /, "phương án '$1': "],
  [/^([^\s=']+)=: /, '$1=: '],
];

function translate(text: string, rules: Rule[]): string | undefined {
  for (const [re, vi] of rules) if (re.test(text)) return text.replace(re, vi);
  if (rules !== MESSAGES) return undefined;
  for (const [re, vi] of PLACES) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = translate(text.slice(m[0].length), MESSAGES);
    return rest === undefined ? undefined : m[0].replace(re, vi) + rest;
  }
  return undefined;
}

/** A problem of the sheet; `said`: its message and hint are already in the language asked for (the scenario's own words). */
export type SaidMselIssue = MselIssue & { said?: true };

/** The problem as a line, in `lang`; in English when the table does not know its message or its hint. */
export function formatMselIssueIn(file: string, i: SaidMselIssue, lang: Lang): string {
  // words of the catalogue where the problem has them (times without T+), else the table
  if (i.english) return english(file, i);
  const message = lang === 'vi' ? (i.words ? sayIn(i.words.message, lang) : i.said ? i.message : translate(i.message, MESSAGES)) : undefined;
  const hint = i.hint === undefined ? '' : lang === 'vi' ? (i.words?.hint ? sayIn(i.words.hint, lang) : i.said ? i.hint : translate(i.hint, HINTS)) : undefined;
  if (lang === 'en' || message === undefined || hint === undefined) return english(file, i);
  const where = i.row === 0 ? (i.column ? `cột ${i.column}: ` : '') : i.column ? `hàng ${i.row}, cột ${i.column}: ` : `hàng ${i.row}: `;
  return `${file}: ${where}${i.severity === 'warning' ? 'cảnh báo: ' : ''}${message}${hint ? ` (${hint})` : ''}`;
}

function english(file: string, i: MselIssue): string {
  const where = i.row === 0 ? (i.column ? `column ${i.column}: ` : '') : i.column ? `row ${i.row}, column ${i.column}: ` : `row ${i.row}: `;
  return `${file}: ${where}${i.severity === 'warning' ? 'warning: ' : ''}${i.message}${i.hint ? ` (${i.hint})` : ''}`;
}

/** The command's own lines. */
export const MSEL_LINES = {
  en: {
    // main prints the whole usage after it; the Vietnamese gives the line to type instead (shorter than the whole usage)
    intoRequired: '--into <scenario> is required: the scenario file whose MSEL the sheet replaces',
    problems: (n: number, rows: number) => `${n} problem${n === 1 ? '' : 's'}${rows ? ` in ${rows} row${rows === 1 ? '' : 's'}` : ''}; nothing was changed`,
    dryRun: (sheet: string, n: number, before: number, target: string) => `${sheet}: ok: ${injects(n)} would replace the ${before} of ${target} (dry run: nothing written)`,
    replaced: (target: string, before: number, n: number, sheet: string, same: boolean) => `${target}: MSEL replaced: ${injects(before)} -> ${n} from ${sheet}${same ? ' (no change)' : ''}`,
    exported: (scenario: string, n: number, out: string) => `${scenario}: ${injects(n)} written to ${out}`,
  },
  vi: {
    intoRequired: 'cần có --into <kịch-bản>: tệp kịch bản có MSEL sẽ được thay bằng bảng\ncú pháp: drill msel import <bảng.csv> --into <kịch-bản> [--dry-run] [--lang vi|en]',
    problems: (n: number, rows: number) => `${n} lỗi${rows ? ` trong ${rows} hàng` : ''}; chưa thay đổi gì`,
    dryRun: (sheet: string, n: number, before: number, target: string) => `${sheet}: hợp lệ: ${n} tình huống sẽ thay cho ${before} tình huống của ${target} (chạy thử: chưa ghi gì)`,
    replaced: (target: string, before: number, n: number, sheet: string, same: boolean) => `${target}: đã thay MSEL: ${before} tình huống -> ${n} từ ${sheet}${same ? ' (không thay đổi)' : ''}`,
    exported: (scenario: string, n: number, out: string) => `${scenario}: đã ghi ${n} tình huống vào ${out}`,
  },
} satisfies Record<Lang, unknown>;

/** '1 inject', '18 injects' */
export const injects = (n: number) => `${n} inject${n === 1 ? '' : 's'}`;
