/**
 * A strict RFC 4180 reader for the tests, written from the RFC's grammar (§2, ABNF) and independent
 * of src/io: a field is either escaped, `"` *(any character but `"`, or `""`) `"`, or plain, with no
 * `"`, comma, CR or LF. Records end with LF or CRLF; a line end after the last record is optional.
 * Throws on what the grammar forbids: a quote inside a plain field, text after a closing quote, an
 * unclosed quote. Returns the records as arrays of field values.
 */
export function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`RFC 4180: ${why} at offset ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
  };
  if (text === '') return records;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unclosed quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        if (text[i] === '"') fail('a quote inside a plain field');
        field += text[i++];
      }
    }
    record.push(field);
    if (i >= text.length) {
      records.push(record);
      return records;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) i += 2;
    else if (text[i] === '\n') i++;
    else fail('text after a closing quote');
    records.push(record);
    record = [];
    if (i >= text.length) return records;
  }
}
