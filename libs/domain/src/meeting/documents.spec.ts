import { checkDocument, DOCUMENT_ACCEPT, documentTypeOf, extensionOf, isPlainText } from './documents';

const pdf = { size: 1000, head: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31] };
const zip = { size: 2000, head: [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00] };

describe('meeting documents', () => {
  it('accepts a link or a file of a known type, with its MIME type', () => {
    expect(checkDocument({ name: 'Nghị quyết 12', url: 'https://dangcongsan.vn/nq-12' })).toEqual({
      errors: [],
      mimeType: null,
    });
    expect(checkDocument({ name: 'Báo cáo đề dẫn.pdf', file: pdf })).toEqual({
      errors: [],
      mimeType: 'application/pdf',
    });
    expect(checkDocument({ name: 'Trình chiếu.PPTX', file: zip }).mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect(checkDocument({ name: 'ghi chú.txt', file: { size: 3, head: [0x61, 0x62, 0x63] } }).errors).toEqual([]);
  });

  it('wants exactly one of a link and a file', () => {
    expect(checkDocument({ name: 'x' }).errors).toEqual([{ field: 'url', reason: 'give either a link or a file' }]);
    expect(checkDocument({ name: 'x.pdf', url: 'https://a.vn', file: pdf }).errors).toEqual([
      { field: 'file', reason: 'give either a link or a file' },
    ]);
  });

  it('refuses links that are not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://a.vn/x', 'not a url']) {
      expect(checkDocument({ name: 'x', url }).errors).toEqual([
        { field: 'url', reason: 'must be an http or https address' },
      ]);
    }
  });

  it('refuses unknown types, disguised content, empty and oversized files', () => {
    expect(checkDocument({ name: 'virus.exe', file: { size: 10, head: [0x4d, 0x5a] } }).errors[0]).toMatchObject({
      field: 'name',
    });
    expect(checkDocument({ name: 'fake.pdf', file: { size: 10, head: [0x4d, 0x5a, 0, 0] } }).errors).toEqual([
      { field: 'file', reason: 'content is not a .pdf file' },
    ]);
    expect(checkDocument({ name: 'a.docx', file: pdf }).errors).toEqual([
      { field: 'file', reason: 'content is not a .docx file' },
    ]);
    expect(checkDocument({ name: 'a.pdf', file: { size: 0, head: [] } }).errors).toEqual([
      { field: 'file', reason: 'is empty' },
    ]);
    expect(checkDocument({ name: 'a.pdf', file: { ...pdf, size: 5 * 1024 * 1024 } }).errors).toEqual([]);
    expect(checkDocument({ name: 'a.pdf', file: { ...pdf, size: 5 * 1024 * 1024 + 1 } }).errors).toEqual([
      { field: 'file', reason: 'is larger than 5 MB' },
    ]);
    expect(checkDocument({ name: 'a.pdf', file: { ...pdf, size: 2000 } }, 1000).errors).toEqual([
      { field: 'file', reason: 'is larger than 0 MB' },
    ]);
  });

  it('refuses empty names and names with a path', () => {
    expect(checkDocument({ name: '  ', url: 'https://a.vn' }).errors).toEqual([
      { field: 'name', reason: 'must be 1 to 300 characters' },
    ]);
    expect(checkDocument({ name: '../../etc/passwd.txt', file: { size: 1, head: [0x61] } }).errors[0]).toEqual({
      field: 'name',
      reason: 'must not contain a path',
    });
    expect(checkDocument({ name: 'Chỉ thị 50-CT/TW', url: 'https://a.vn' }).errors).toEqual([]);
    expect(checkDocument({ name: 'a'.repeat(301), url: 'https://a.vn' }).errors[0]?.field).toBe('name');
  });

  it('knows extensions and the accept list', () => {
    expect(extensionOf('Báo.cáo.DOCX')).toBe('docx');
    expect(extensionOf('README')).toBe('');
    expect(documentTypeOf('a.jpeg')?.mimeType).toBe('image/jpeg');
    expect(DOCUMENT_ACCEPT.split(',')).toEqual(expect.arrayContaining(['.pdf', '.docx', '.jpg', '.jpeg', '.txt']));
  });

  it('refuses names with control or text-direction characters (a right-to-left override hides the real extension)', () => {
    const file = { size: 4, head: [0x25, 0x50, 0x44, 0x46] };
    for (const name of [
      'report\u202Efdp.exe.pdf',
      'a\u0000b.pdf',
      'line\nbreak.pdf',
      'x\u2066y.pdf',
      'esc\u001b.pdf',
    ]) {
      expect(checkDocument({ name, file }).errors).toContainEqual({
        field: 'name',
        reason: 'must not contain control or text-direction characters',
      });
    }
    expect(checkDocument({ name: 'Nghị quyết tháng 5.pdf', file }).errors).toEqual([]);
    expect(checkDocument({ name: 'Chỉ thị\u202E', url: 'https://example.org/a' }).errors[0]?.field).toBe('name');
  });

  it('checks that a .txt file is plain UTF-8 text when its content is given', () => {
    const bytes = (s: string) => Array.from(new TextEncoder().encode(s));
    const txt = (content: number[]) =>
      checkDocument({ name: 'ghi-chu.txt', file: { size: content.length, head: content.slice(0, 8), content } }).errors;
    expect(txt(bytes('Biên bản họp chi bộ\r\n\tNội dung'))).toEqual([]);
    expect(txt([0xef, 0xbb, 0xbf, ...bytes('có BOM')])).toEqual([]);
    expect(txt([0x4d, 0x5a, 0x90, 0x00, 0x03])).toEqual([
      { field: 'file', reason: 'content is not plain text (UTF-8 without control characters)' },
    ]);
    expect(txt([0x61, 0xc3])).toHaveLength(1); // truncated sequence
    expect(txt([0xc0, 0xaf])).toHaveLength(1); // overlong "/"
    expect(txt([0xed, 0xa0, 0x80])).toHaveLength(1); // surrogate
    expect(isPlainText(bytes('tab\tok'))).toBe(true);
    expect(isPlainText([0x1b, 0x5b])).toBe(false);
  });
});
