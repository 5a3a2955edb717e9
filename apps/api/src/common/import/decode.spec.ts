import iconv from 'iconv-lite';
import { decodeText } from './decode';

/** Windows-style windows-1258: precomposed base letters and combining tone marks. */
const cp1258 = (s: string): Buffer => {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
  return iconv.encode(
    [...s.normalize('NFC')]
      .map((ch) => {
        const d = ch.normalize('NFD');
        return `${d.replace(TONES, '').normalize('NFC')}${d.match(TONES)?.join('') ?? ''}`;
      })
      .join(''),
    'windows-1258',
  );
};

describe('decodeText', () => {
  it('reads UTF-8 (with or without BOM, NFD made NFC), UTF-16 with and without BOM', () => {
    expect(decodeText(Buffer.from('ho_ten\nNguyễn Đức\n'))).toEqual({
      text: 'ho_ten\nNguyễn Đức\n',
      encoding: 'UTF-8',
    });
    expect(decodeText(Buffer.from('\uFEFFho_ten\nNguyễn\n'.normalize('NFD')))).toEqual({
      text: 'ho_ten\nNguyễn\n',
      encoding: 'UTF-8',
    });
    expect(
      decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('ho_ten\nLê Tâm\n', 'utf-16be')])).text,
    ).toBe('ho_ten\nLê Tâm\n');
    expect(decodeText(iconv.encode('ho_ten\nLê Tâm\nNguyễn\n', 'utf-16le'))).toEqual({
      text: 'ho_ten\nLê Tâm\nNguyễn\n',
      encoding: 'UTF-16LE',
    });
  });

  it('tells windows-1258 from windows-1252 by the bytes, and recomposes the tone marks', () => {
    expect(decodeText(cp1258('ho_ten\nĐặng Quốc Việt\nVõ Thị Ngọc Ánh\nHồ Ứng\n'))).toEqual({
      text: 'ho_ten\nĐặng Quốc Việt\nVõ Thị Ngọc Ánh\nHồ Ứng\n',
      encoding: 'windows-1258',
    });
    expect(decodeText(iconv.encode('ho_ten\nLê Tâm Hà\n', 'windows-1252'))).toEqual({
      text: 'ho_ten\nLê Tâm Hà\n',
      encoding: 'windows-1252',
    });
    expect(decodeText(iconv.encode('ho_ten\nFrançois Müller\n', 'windows-1252')).text).toBe(
      'ho_ten\nFrançois Müller\n',
    );
  });

  it('refuses other scripts, binary and empty input with IMPORT_INVALID on file', () => {
    expect(() => decodeText(iconv.encode('ho_ten\nИванов Иван Иванович\nПетров Пётр\n', 'windows-1251'))).toThrow(
      /not UTF-8 .* looks like windows-1251/,
    );
    expect(() => decodeText(iconv.encode('ho_ten\n山田太郎\n鈴木一郎\n', 'shift_jis'))).toThrow(
      /does not read as letters/,
    );
    expect(() => decodeText(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toThrow(/not a text \(CSV\) file/);
    expect(() => decodeText(Buffer.alloc(0))).toThrow('The file is empty');
    expect(() => decodeText(Buffer.from('\uFEFF \r\n'))).toThrow('The file is empty');
    try {
      decodeText(Buffer.alloc(0));
    } catch (e) {
      expect(e).toMatchObject({ code: 'IMPORT_INVALID', field: 'file' });
    }
  });
});
