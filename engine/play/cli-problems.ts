/**
 * The problems the shared CLI code words in English (engine/cli/io.ts: a file that cannot be read or
 * written; engine/cli/args.ts: a malformed option; engine/sim/run.ts: a file that is not a run log), said in
 * the session's language. `drill play` meets them at the table: `save` into a folder that does not exist,
 * `--resume` of the wrong file, `--seed abc`; with `--lang vi` they must not come out half in English.
 * A message this table does not know is left as it is (English), never dropped.
 */
import { FIELD_KIND_EN, FIELD_KIND_VI, TOO_LARGE, type FieldKind } from '../review/event-fields.js';
import type { Lang } from '../scenario/text.js';

type Rule = [RegExp, string];

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English (the whole message, anchored) -> Vietnamese; $1.. are the captured parts. */
const VI: Rule[] = [
  // engine/cli/io.ts: writing
  [/^cannot write: the folder '(.*)' does not exist$/s, "không ghi được: thư mục '$1' không tồn tại"],
  [/^cannot write: this is a folder$/, 'không ghi được: đây là một thư mục'],
  [/^cannot write: no permission to write in '(.*)'$/s, "không ghi được: không có quyền ghi vào '$1'"],
  [/^cannot write: permission denied$/, 'không ghi được: không có quyền'],
  [/^cannot write: the folder '(.*)' is on a read-only file system$/s, "không ghi được: thư mục '$1' nằm trên một hệ thống tệp chỉ đọc"],
  [/^cannot write: the folder '(.*)' takes no new files$/s, "không ghi được: thư mục '$1' không cho tạo tệp mới"],
  [/^cannot write in '(.*)' \((.*)\)$/s, "không ghi được vào '$1' ($2)"],
  [/^cannot write: the disk is full$/, 'không ghi được: ổ đĩa đã đầy'],
  [/^cannot write \((.*)\)$/s, 'không ghi được ($1)'],
  [/^create the folder first, or write the file somewhere else$/, 'hãy tạo thư mục trước, hoặc ghi tệp vào chỗ khác'],
  [/^give the name of a file, not of a folder$/, 'hãy cho tên một tệp, không phải một thư mục'],
  [/^write the file somewhere else$/, 'hãy ghi tệp vào chỗ khác'],
  [/^free some space, or write the file somewhere else$/, 'hãy giải phóng bớt dung lượng, hoặc ghi tệp vào chỗ khác'],
  [/^check that the folder exists and is writable$/, 'hãy kiểm tra thư mục có tồn tại và ghi được không'],
  [/^cannot write: this is the scenario of the session$/, 'không ghi được: đây là tệp kịch bản của phiên'],
  [/^save it under another name$/, 'hãy lưu với một tên khác'],
  [/^--decisions checks one decisions file against one scenario: give the scenario alone before it$/, '--decisions kiểm tra một tệp quyết định theo một kịch bản: hãy chỉ cho một kịch bản trước nó'],
  [/^cannot write: the file name must end in \.json \(a run log is JSON\)$/, 'không ghi được: tên tệp phải kết thúc bằng .json (nhật ký lượt chạy là tệp JSON)'],
  [/^save it as (.*\.json'?)$/s, 'hãy lưu thành $1'],
  [/^(--[\w-]+) (.*): this is the scenario the command reads; writing there would replace it \(give another file name\)$/s, '$1 $2: đây là tệp kịch bản mà lệnh đang đọc; ghi vào đó sẽ thay mất nó (hãy cho một tên tệp khác)'],
  [/^(--[\w-]+) (.*): this is the run log the command reads; writing there would replace it \(give another file name\)$/s, '$1 $2: đây là nhật ký chạy mà lệnh đang đọc; ghi vào đó sẽ thay mất nó (hãy cho một tên tệp khác)'],
  [/^(--[\w-]+) -: give a file name \('-' would be a file named '-'; this file is not written to standard output\)$/, "$1 -: hãy cho một tên tệp ('-' sẽ thành một tệp tên là '-'; tệp này không được ghi ra đầu ra chuẩn)"],
  [/^--out and --decisions-out name the same file: give each its own$/, '--out và --decisions-out trỏ tới cùng một tệp: hãy cho mỗi tùy chọn một tệp riêng'],
  // engine/cli/io.ts: reading
  [/^no such file$/, 'không có tệp này'],
  [/^check the path$/, 'hãy kiểm tra đường dẫn'],
  [/^did you mean '(.*)'\?$/s, "có phải '$1'?"],
  [/^is a directory, not a file$/, 'là một thư mục, không phải một tệp'],
  [/^give the path of a file inside it$/, 'hãy cho đường dẫn của một tệp trong thư mục đó'],
  [/^give the path of a file inside it, such as '(.*)'$/s, "hãy cho đường dẫn của một tệp trong thư mục đó, ví dụ '$1'"],
  [/^permission denied$/, 'không có quyền đọc'],
  [/^check the file permissions$/, 'hãy kiểm tra quyền truy cập tệp'],
  // an unexpected error of the file system (EIO...): Node's English words are the only clue, so kept, and said to be such
  [/^cannot read: (.*)$/s, 'không đọc được (chi tiết kỹ thuật, tiếng Anh: $1)'],
  [/^this is a binary file, not a text file$/, 'đây là tệp nhị phân, không phải tệp văn bản'],
  [/^give a YAML or JSON file$/, 'hãy cho một tệp YAML hoặc JSON'],
  [/^this file is not UTF-8 text$/, 'tệp này không phải văn bản UTF-8'],
  [/^save it as UTF-8$/, 'hãy lưu lại dưới dạng UTF-8'],
  [/^cannot write: another run log is there already$/, 'không ghi được: ở đó đã có một nhật ký chạy khác'],
  [/^cannot write: a file that is not a run log is there already$/, 'không ghi được: ở đó đã có một tệp khác, không phải nhật ký chạy'],
  [/^save under another name, or remove that file first$/, 'hãy lưu với tên khác, hoặc xóa tệp đó trước'],
  [/^this file is UTF-16 text, not UTF-8$/, 'tệp này là văn bản UTF-16, không phải UTF-8'],
  [/^save it as UTF-8 \(in Windows Notepad: Save as, Encoding 'UTF-8'\)$/, "hãy lưu lại dưới dạng UTF-8 (trong Notepad của Windows: Save as, Encoding 'UTF-8')"],
  // engine/sim/run.ts: a file that is not a run log
  [/^this is a scenario, not a run log$/, 'đây là một kịch bản, không phải nhật ký chạy'],
  [/^this is a scenario \(in JSON\), not a run log$/, 'đây là một kịch bản (JSON), không phải nhật ký chạy'],
  [/^make a run log first: drill run <scenario> --out run.json$/, 'hãy tạo nhật ký chạy trước: drill run <kịch-bản> --out run.json'],
  // engine/cli/view.ts: a scenario given to drill view where a run log goes
  [/^make a run log first: drill run <scenario> --out run.json; or play it in the browser: drill view --play (.*)$/s, 'hãy tạo nhật ký chạy trước: drill run <kịch-bản> --out run.json; hoặc chơi kịch bản trong trình duyệt: drill view --play $1'],
  [/^to play it from the start: drill play (.*)$/s, 'để chơi từ đầu: drill play $1'],
  [/^this is a decisions file, not a run log$/, 'đây là một tệp quyết định, không phải nhật ký chạy'],
  [/^run it: drill run <scenario> --decisions <file> --out run.json$/, 'hãy chạy nó: drill run <kịch-bản> --decisions <tệp> --out run.json'],
  [/^this is batch results, not a run log$/, 'đây là kết quả chạy loạt (batch), không phải nhật ký chạy'],
  [/^give one run's log \(`drill run --out`\); for a page of batch results: drill report <results\.json> --out report\.html$/, 'hãy cho nhật ký của một lượt chạy (`drill run --out`); muốn có trang kết quả chạy loạt: drill report <kết-quả.json> --out bao-cao.html'],
  [/^the file is empty, not a run log$/, 'tệp rỗng, không phải nhật ký chạy'],
  [/^not a run log: the file is not JSON$/, 'không phải nhật ký chạy: tệp không phải JSON'],
  // V8's parser words are English: in Vietnamese only the place where the JSON breaks (line, column), when it gives one
  [/^not a run log: the file is not valid JSON \(.*, line (\d+), column (\d+)\)$/s, 'không phải nhật ký chạy: tệp không phải JSON hợp lệ (lỗi tại dòng $1, cột $2)'],
  [/^not a run log: the file is not valid JSON \(.*\)$/s, 'không phải nhật ký chạy: tệp không phải JSON hợp lệ'],
  [/^the run log is damaged: its JSON breaks at line (\d+), column (\d+) \(.*\)$/s, 'nhật ký chạy bị hỏng: JSON bị lỗi tại dòng $1, cột $2'],
  [/^a run log is written by drill, not by hand: copy it again, or write it again with `drill run --out`$/, 'nhật ký chạy do drill ghi, không sửa bằng tay: hãy chép lại, hoặc ghi lại bằng `drill run --out`'],
  [/^the run log is cut short: the file ends at line (\d+), before the log does \(it is incomplete or damaged\)$/, 'nhật ký chạy bị cụt: tệp kết thúc ở dòng $1, trước khi nhật ký kết thúc (thiếu hoặc hỏng)'],
  [/^the run log is followed by other text: the log ends at line (\d+), and line (\d+), column (\d+) holds more$/, 'sau nhật ký chạy còn có nội dung khác: nhật ký kết thúc ở dòng $1, nhưng dòng $2, cột $3 vẫn còn nội dung'],
  [/^delete everything after the line that ends the log \("hash": \.\.\.\}\), or copy it again$/, 'hãy xoá mọi thứ sau dòng kết thúc nhật ký ("hash": ...}), hoặc chép lại'],
  [/^copy it again, or write it again with `drill run --out`$/, 'hãy chép lại, hoặc ghi lại bằng `drill run --out`'],
  [/^give a file written by `drill run --out`$/, 'hãy cho một tệp do `drill run --out` ghi ra'],
  [/^the run log has no '(.*)'; it is incomplete or damaged$/s, "nhật ký chạy không có '$1'; nhật ký thiếu hoặc hỏng"],
  [/^the run log is damaged \(events or scenario missing\)$/, 'nhật ký chạy bị hỏng (thiếu sự kiện hoặc kịch bản)'],
  [/^the run log is damaged: its 'decisions' is not a list$/, "nhật ký chạy bị hỏng: 'decisions' không phải danh sách"],
  [/^the run log is damaged: (decisions\[\d+\]\.at) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là số giây nguyên kể từ T0)'],
  [/^the run log is damaged: (decisions\[\d+\]\.role) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là mã của một vai)'],
  [/^the run log is damaged: (decisions\[\d+\]\.author) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là trainee, controller, doctrine hoặc default)'],
  [/^the run log is damaged: (decisions\[\d+\]\.do) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là tên một lệnh)'],
  [/^the run log is damaged: (decisions\[\d+\]\.unit) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là mã của một đơn vị lực lượng)'],
  [/^the run log is damaged: (decisions\[\d+\]\.incident) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là mã của một sự cố)'],
  [/^the run log is damaged: (decisions\[\d+\]\.zone) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là mã của một vùng sơ tán)'],
  [/^the run log is damaged: (decisions\[\d+\]\.shelter) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là mã của một điểm sơ tán)'],
  [/^the run log is damaged: (decisions\[\d+\]\.area) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là mã của một địa bàn)'],
  [/^the run log is damaged: (decisions\[\d+\]\.edge) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là mã của một tuyến đường)'],
  [/^the run log is damaged: (decisions\[\d+\]\.level) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là một cấp độ phòng thủ dân sự, số nguyên từ 0 đến 3)'],
  [/^the run log is damaged: (decisions\[\d+\]\.message) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là một văn bản, hoặc các văn bản { vi, en })'],
  [/^the run log is damaged: (decisions\[\d+\]\.inject) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là mã của một tình huống)'],
  [/^the run log is damaged: (decisions\[\d+\]\.option) is not as drill writes it \(.*\)$/s, 'nhật ký chạy bị hỏng: $1 không đúng như drill ghi (phải là mã của một phương án quyết định)'],
  [/^a run log holds the decisions it was played with, as drill wrote them; to try other decisions, write a decisions file: drill run <scenario> --decisions <file>$/, 'nhật ký chạy giữ các quyết định đã chơi, đúng như drill ghi; để thử quyết định khác, hãy viết một tệp quyết định: drill run <kịch-bản> --decisions <tệp>'],
  // engine/review/report.ts badEvent, through engine/cli/reviewable.ts: an event a hand edit broke
  [/^not a usable run log: event #(\d+) has no time 't' \(whole seconds since T0\)$/, "không phải nhật ký chạy dùng được: sự kiện #$1 không có thời điểm 't' (số giây nguyên kể từ T0)"],
  [/^not a usable run log: event #(\d+) has a time 't' that is not whole seconds since T0 \((.*)\)$/s, "không phải nhật ký chạy dùng được: sự kiện #$1 có thời điểm 't' không phải số giây nguyên kể từ T0 ($2)"],
  [/^not a usable run log: event #(\d+) has no 'type'$/, "không phải nhật ký chạy dùng được: sự kiện #$1 không có 'type'"],
  // an event's field not as drill writes it (engine/review/event-fields.ts), one rule for each way a field is written
  ...Object.entries(FIELD_KIND_EN).flatMap(([kind, en]): Rule[] => [
    [new RegExp(`^not a usable run log: event #(\\d+) \\(([\\w.]+)\\): '(\\w+)' is missing where drill writes ${escaped(en)}$`), `không phải nhật ký chạy dùng được: sự kiện #$1 ($2): thiếu '$3', trong khi drill ghi ${FIELD_KIND_VI[kind as FieldKind]} ở đó`],
    [new RegExp(`^not a usable run log: event #(\\d+) \\(([\\w.]+)\\): '(\\w+)' is ${TOO_LARGE} where drill writes ${escaped(en)}$`), `không phải nhật ký chạy dùng được: sự kiện #$1 ($2): '$3' là một số quá lớn không đọc được, trong khi drill ghi ${FIELD_KIND_VI[kind as FieldKind]} ở đó`],
    [new RegExp(`^not a usable run log: event #(\\d+) \\(([\\w.]+)\\): '(\\w+)' is (.*) where drill writes ${escaped(en)}$`, 's'), `không phải nhật ký chạy dùng được: sự kiện #$1 ($2): '$3' là $4, trong khi drill ghi ${FIELD_KIND_VI[kind as FieldKind]} ở đó`],
  ]),
  [/^not a usable run log: event #(\d+) is not an object$/, 'không phải nhật ký chạy dùng được: sự kiện #$1 không phải một đối tượng'],
  [/^not a usable run log: event #(\d+) is out of time order \(t (\d+) after (\d+)\)$/, 'không phải nhật ký chạy dùng được: sự kiện #$1 sai thứ tự thời gian (t $2 sau $3)'],
  [/^not a usable run log: its '(\w+)' is missing$/, "không phải nhật ký chạy dùng được: thiếu '$1'"],
  [/^not a usable run log: its '(\w+)' is not a list$/, "không phải nhật ký chạy dùng được: '$1' không phải một danh sách"],
  [/^not a usable run log: its '(\w+)' is not a whole number \((.*)\)$/s, "không phải nhật ký chạy dùng được: '$1' không phải số nguyên ($2)"],
  [/^not a usable run log: its '(\w+)' is not a text \((.*)\)$/s, "không phải nhật ký chạy dùng được: '$1' không phải một văn bản ($2)"],
  [/^not a usable run log: its '(\w+)' is not a list of role ids$/, "không phải nhật ký chạy dùng được: '$1' không phải một danh sách mã vai"],
  [/^the log is damaged; run the scenario again with `drill run --out`$/, 'nhật ký bị hỏng; hãy chạy lại kịch bản với `drill run --out`'],
  [/^unsupported run log format '(.*)'$/s, "không hỗ trợ định dạng nhật ký chạy '$1'"],
  [/^not a run log \(no "format": "drillsim\/run@1"\)$/, 'không phải nhật ký chạy (không có "format": "drillsim/run@1")'],
  // engine/sim/sim.ts, engine/core/queue.ts: a run stopped at one of the scenario's limits
  [/^more than (\d+) events at one instant \((\d+) s after T0\): the scenario probably loops$/, 'quá $1 sự kiện tại cùng một thời điểm ($2 giây sau T0): có thể kịch bản bị lặp'],
  [/^more than (\d+) doctrine passes at one instant \((\d+) s after T0\): doctrine probably loops$/, 'quá $1 lượt xét của học thuyết tại cùng một thời điểm ($2 giây sau T0): có thể học thuyết bị lặp'],
  [/^more than (\d+) events in one run \(limits\.max_events counts what the engine handles: timers, arrivals, decisions; a run log's lines are more\)$/, 'quá $1 sự kiện trong một lượt chạy (limits.max_events đếm những gì bộ máy xử lý: hẹn giờ, sự cố đến, quyết định; số dòng của nhật ký chạy nhiều hơn)'],
  [/^event queue bound reached: (\d+) pending events \(limits\.max_queue\); the scenario schedules events faster than they happen, or the bound is too low for it$/, 'hàng đợi sự kiện đã đầy: $1 sự kiện chờ xử lý (limits.max_queue); kịch bản lên lịch sự kiện nhanh hơn chúng diễn ra, hoặc giới hạn quá thấp'],
  // engine/cli/args.ts: the command line
  [/^unknown option '([^']*)' \(did you mean '([^']*)'\?\)$/, "không có tùy chọn '$1' (có phải '$2'?)"],
  [/^unknown option '([^']*)'$/, "không có tùy chọn '$1'"],
  [/^--(\S+) needs a value$/, '--$1 cần một giá trị'],
  [/^--(\S+) is a switch: it takes no value$/, '--$1 là công tắc: không nhận giá trị'],
  [/^--(\S+) must be a whole number of at least (\d+), not '(.*)'$/s, "--$1 phải là số nguyên từ $2 trở lên, không phải '$3'"],
  [/^--(\S+) must be a whole number written in decimal digits, not '(.*)' \(if (\d+) is meant, write --\S+ \d+\)$/s, "--$1 phải là số nguyên viết bằng chữ số thập phân, không phải '$2' (nếu muốn số $3, hãy viết --$1 $3)"],
  [/^--(\S+) must be a whole number, not '(.*)'$/s, "--$1 phải là số nguyên, không phải '$2'"],
  [/^--(\S+) must be 0 or more, not '(.*)'$/s, "--$1 phải từ 0 trở lên, không phải '$2'"],
  [/^'(.*)' is given twice: give each shard's results once$/s, "'$1' được cho hai lần: mỗi phần (shard) chỉ cho kết quả một lần"],
  [/^--(\S+) must be at most (\d+), not '(.*)'$/s, "--$1 phải nhỏ hơn hoặc bằng $2, không phải '$3'"],
  [/^--(\S+) is given twice \('(.*)', then '(.*)'\): give it once$/s, "--$1 được cho hai lần ('$2', rồi '$3'): chỉ cho một lần"],
  // engine/cli/msel.ts: a file given to drill msel import that is not an MSEL sheet
  [/^this is a scenario, not an MSEL sheet$/, 'đây là một kịch bản, không phải bảng MSEL'],
  [/^the sheet comes first, the scenario after --into: drill msel import <sheet.csv> --into <scenario>$/, 'bảng đứng trước, kịch bản sau --into: drill msel import <bảng.csv> --into <kịch-bản>'],
  [/^this is a decisions file, not an MSEL sheet$/, 'đây là một tệp quyết định, không phải bảng MSEL'],
  [/^this is a run log, not an MSEL sheet$/, 'đây là một nhật ký chạy, không phải bảng MSEL'],
  [/^this is batch results, not an MSEL sheet$/, 'đây là kết quả chạy loạt (batch), không phải bảng MSEL'],
  [/^the sheet is a CSV file, as drill msel export writes it$/, 'bảng MSEL là một tệp CSV, như drill msel export ghi ra'],
  [/^this is the MSEL in Markdown \(to read and print\), not the sheet$/, 'đây là MSEL dạng Markdown (để đọc và in), không phải bảng'],
  [/^import reads the CSV sheet: drill msel export <scenario> --out msel.csv writes one to edit$/, 'import đọc bảng CSV: drill msel export <kịch-bản> --out msel.csv ghi ra một bảng để sửa'],
  [/^this is a spreadsheet workbook \((\w+)\), not a CSV sheet$/, 'đây là một tệp bảng tính ($1), không phải bảng CSV'],
  [/^save it as a sheet: in Excel, File > Save As > "CSV UTF-8 \(Comma delimited\)"; in LibreOffice, File > Save As > "Text CSV" with UTF-8$/, 'hãy lưu thành bảng CSV: trong Excel, File > Save As > "CSV UTF-8 (Comma delimited)"; trong LibreOffice, File > Save As > "Text CSV" với mã hóa UTF-8'],
  [/^this is a binary file: not a CSV text in UTF-8$/, 'đây là tệp nhị phân: không phải văn bản CSV UTF-8'],
  [/^this file is not UTF-8 text: not a CSV text in UTF-8$/, 'tệp này không phải văn bản UTF-8: không phải văn bản CSV UTF-8'],
  [/^save the sheet as "CSV UTF-8 \(comma delimited\)" \(Excel\) or "Text CSV" with UTF-8 \(LibreOffice\)$/, 'hãy lưu bảng dưới dạng "CSV UTF-8 (comma delimited)" (Excel) hoặc "Text CSV" với mã hóa UTF-8 (LibreOffice)'],
  // engine/cli/batch.ts
  [/^--shard '(.*)' is not a shard; write i\/n, e\.g\. 1\/4 for the first of four shards$/s, "--shard '$1' không phải là một phần (shard); hãy viết i/n, ví dụ 1/4 là phần thứ nhất trong bốn phần"],
  [/^--shard '(.*)': a batch is split into at least one shard \(write i\/n with n at least 1, e\.g\. 1\/4 for the first of four shards\)$/s, "--shard '$1': một lượt batch được chia thành ít nhất một phần (hãy viết i/n với n từ 1 trở lên, ví dụ 1/4 là phần thứ nhất trong bốn phần)"],
  [/^--shard '(.*)': the shard number must be between 1 and (\d+) \(shards are numbered (\S+) to (\S+)\)$/s, "--shard '$1': số thứ tự phần phải từ 1 đến $2 (các phần được đánh số từ $3 đến $4)"],
  [/^(--html|--out) (.*): the file name must end in \.html \(or \.htm\): it is a web page$/s, '$1 $2: tên tệp phải kết thúc bằng .html (hoặc .htm): đó là một trang web'],
  // engine/cli/compare.ts: the page of two plans compared
  [/^--out (.*) and --json: give one of them: --json prints the comparison as JSON, --out writes it as an HTML page$/s, '--out $1 và --json: hãy chỉ cho một trong hai: --json in kết quả so sánh dạng JSON, --out ghi nó thành một trang HTML'],
  [/^--out (.*): the page compares two plans' batch results \(drill batch --out F\.json\); two run logs are compared on standard output, and each has its own page: drill report (.*) --out (.*)$/s, '--out $1: trang này so sánh kết quả loạt chạy của hai phương án (drill batch --out F.json); hai nhật ký chạy được so sánh trên đầu ra chuẩn, và mỗi nhật ký có trang riêng của nó: drill report $2 --out $3'],
  [/^(--out|--decisions-out|save) (.*): the file name must end in \.json: a run log is JSON$/s, '$1 $2: tên tệp phải kết thúc bằng .json: nhật ký lượt chạy là tệp JSON'],
  [/^(--out|--decisions-out|save) (.*): the file name must end in \.yaml \(or \.yml\): a decisions file is YAML$/s, '$1 $2: tên tệp phải kết thúc bằng .yaml (hoặc .yml): tệp quyết định là tệp YAML'],
  [/^--out (.*): the file name must end in \.json \(all results, what `drill merge` reads\) or \.csv \(one row per run\)$/s, '--out $1: tên tệp phải kết thúc bằng .json (toàn bộ kết quả, tệp mà `drill merge` đọc) hoặc .csv (mỗi lượt chạy một dòng)'],
  [/^(--out|--html) (.*): the same file as (--out|--html) (.*): give each output a file of its own$/s, '$1 $2: trùng tệp với $3 $4: mỗi đầu ra cần một tệp riêng'],
  // engine/cli/report.ts: the format asked for, and the file's name that says it (a reviewer asking for a PDF)
  [/^--format must be md or html, not '(.*)' \(for a PDF, write html and print it to PDF from a browser\)$/s, "--format phải là md hoặc html, không phải '$1' (muốn có PDF: hãy ghi html rồi in ra PDF từ trình duyệt)"],
  [/^--format must be md or html, not '(.*)'$/s, "--format phải là md hoặc html, không phải '$1'"],
  [/^--out (.*): drill report writes Markdown \(\.md, \.markdown\) or HTML \(\.html, \.htm\), not '(.*)'; for a PDF, write (.*) and print it to PDF from a browser$/s, "--out $1: drill report ghi Markdown (.md, .markdown) hoặc HTML (.html, .htm), không ghi '$2'; muốn có PDF: hãy ghi $3 rồi in ra PDF từ trình duyệt"],
  [/^--out (.*): drill report writes Markdown \(\.md, \.markdown\) or HTML \(\.html, \.htm\), not '(.*)'$/s, "--out $1: drill report ghi Markdown (.md, .markdown) hoặc HTML (.html, .htm), không ghi '$2'"],
  [/^--out (.*): the file name needs an extension: drill report writes Markdown \(\.md, \.markdown\) or HTML \(\.html, \.htm\)$/s, '--out $1: tên tệp cần có phần mở rộng: drill report ghi Markdown (.md, .markdown) hoặc HTML (.html, .htm)'],
  [/^--out (.*): --format (md|html) writes (Markdown|HTML), which goes in a file ending in (\S+) or (\S+)$/s, '--out $1: --format $2 ghi ra $3, vào tệp có tên kết thúc bằng $4 hoặc $5'],
  [/^(--[\w-]+) -: leave out (--[\w-]+) to write to standard output$/, '$1 -: hãy bỏ $2 đi để ghi ra đầu ra chuẩn'],
  [/^(.*) holds batch results: their report is an HTML page \(--out F\.html\), or the table printed without --out$/s, '$1 chứa kết quả chạy loạt: báo cáo của chúng là một trang HTML (--out F.html), hoặc bảng in ra khi không có --out'],
  // engine/cli/fork.ts: printed above the usage, in Vietnamese
  [/^--at is required: the time from which the new decisions apply$/, 'thiếu --at: thời điểm từ đó áp dụng các quyết định mới'],
  [/^--decisions is required: the decisions file to take from --at on$/, 'thiếu --decisions: tệp quyết định dùng từ thời điểm --at trở đi'],
  [/^one --vary at a time: a sweep varies one parameter \(run one batch per parameter\)$/, 'mỗi lần chỉ một --vary: một phép quét thay đổi một tham số (hãy chạy mỗi tham số một lượt batch riêng)'],
  [/^missing arguments?$/, 'thiếu tham số'],
  [/^unexpected argument '(.*)'$/s, "thừa tham số '$1'"],
  // engine/cli/*.ts: the file a command reads, left out (parse's `missing`); printed above the usage, in Vietnamese too
  [/^missing the scenario file$/, 'thiếu tệp kịch bản'],
  [/^missing the scenario files to check$/, 'thiếu các tệp kịch bản cần kiểm tra'],
  [/^missing the run log \(or batch results\) to verify$/, 'thiếu nhật ký chạy (hoặc kết quả chạy loạt) cần kiểm tra lại'],
  [/^missing the run log \(or batch results\) to report on$/, 'thiếu nhật ký chạy (hoặc kết quả chạy loạt) cần lập báo cáo'],
  [/^missing the two run logs to compare$/, 'thiếu hai nhật ký chạy cần so sánh'],
  [/^missing the second run log$/, 'thiếu nhật ký chạy thứ hai'],
  [/^missing the run log to fork$/, 'thiếu nhật ký chạy cần rẽ nhánh'],
  [/^missing the results files to merge, one per shard$/, 'thiếu các tệp kết quả cần gộp, mỗi phần (shard) một tệp'],
  [/^missing the sheet \(CSV\) to import$/, 'thiếu bảng (CSV) cần nhập'],
  // engine/cli/msel.ts: the action
  [/^missing the action: 'drill msel export' or 'drill msel import'$/, "thiếu thao tác: 'drill msel export' hoặc 'drill msel import'"],
  [/^missing the action before (.*): drill msel export (.*) writes its MSEL \(import reads a sheet: drill msel import <sheet\.csv> --into (.*)\)$/s, 'thiếu thao tác trước $1: drill msel export $2 ghi ra MSEL của kịch bản đó (import thì đọc một bảng: drill msel import <bảng.csv> --into $3)'],
  [/^unknown action '(.*)' \(did you mean '(.*)'\?\): use 'drill msel export' or 'drill msel import'$/s, "không có thao tác '$1' (có phải '$2'?): hãy dùng 'drill msel export' hoặc 'drill msel import'"],
  [/^unknown action '(.*)': use 'drill msel export' or 'drill msel import'$/s, "không có thao tác '$1': hãy dùng 'drill msel export' hoặc 'drill msel import'"],
  [/^(--[\w-]+) is an option of drill msel (\w+), not of drill msel (\w+)$/, '$1 là tùy chọn của drill msel $2, không phải của drill msel $3'],
  // engine/cli/args.ts: --lang given to a command that writes English only (drill schema)
  [/^unknown option '--lang': this command writes English only \(--lang vi is taken by (.*) and (\w+)\)$/s, "không có tùy chọn '--lang': lệnh này chỉ in ra tiếng Anh (--lang vi dùng được với $1 và $2)"],
];

/** `text` (one of the messages or hints above) in `lang`; unchanged in English or when it is not in the table. */
export function sayCliProblem(text: string, lang: Lang): string {
  if (lang !== 'vi') return text;
  for (const [re, vi] of VI) if (re.test(text)) return text.replace(re, vi);
  // `--out=""`, `drill run ""`: args.ts says which argument was empty after what is missing
  const empty = /^(missing .*): an empty argument \(''\) was given$/s.exec(text);
  if (empty) {
    const missing = sayCliProblem(empty[1], lang);
    if (missing !== empty[1]) return `${missing}: đã cho một tham số rỗng ('')`;
  }
  return text;
}
