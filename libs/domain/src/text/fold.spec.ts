import {
  compareVietnameseNames,
  foldVietnamese,
  givenNameFirst,
  matchesFolded,
  SEARCH_MAX_WORD_LENGTH,
  SEARCH_MAX_WORDS,
  searchWords,
} from './fold';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn  An', 'nguyen van an'],
    ['Phạm Thị Hường', 'pham thi huong'],
    ['Đặng Quốc Việt', 'dang quoc viet'],
    ['Lê Thị Thủy', 'le thi thuy'],
    ['Lê Thị Thuỷ', 'le thi thuy'],
    ['Ngô Đình Ứng', 'ngo dinh ung'],
    ['Trương Thị Ngọc Ánh', 'truong thi ngoc anh'],
    ['Vũ Đức Đam', 'vu duc dam'],
    ['Huỳnh Tấn Phát', 'huynh tan phat'],
    ['Dương Văn Minh', 'duong van minh'],
    ['Ông Ích Khiêm', 'ong ich khiem'],
    ['Bùi Thị Xuân', 'bui thi xuan'],
    ['Hồ Chí Minh', 'ho chi minh'],
    ['Trịnh Thị Ỷ', 'trinh thi y'],
    ['Lưu Hữu Phước', 'luu huu phuoc'],
    ['NGUYỄN THỊ ĐỊNH', 'nguyen thi dinh'],
    ['Ðoàn Thị Điểm', 'doan thi diem'], // Ð (U+00D0) typed instead of Đ
    ['  Tô\tVĩnh\nDiện  ', 'to vinh dien'],
    ['Chi bộ Phòng Tổ chức – Cán bộ', 'chi bo phong to chuc – can bo'],
    ['', ''],
  ])('%j → %j', (input, folded) => expect(foldVietnamese(input)).toBe(folded));

  it('treats composed and decomposed input alike', () => {
    const composed = 'Nguyễn Thị Thủy';
    expect(foldVietnamese(composed.normalize('NFD'))).toBe(foldVietnamese(composed.normalize('NFC')));
    expect(foldVietnamese(composed.normalize('NFD'))).toBe('nguyen thi thuy');
  });

  it('is idempotent', () => {
    for (const s of ['Phạm Thị Hường', 'Ngô Đình Ứng'])
      expect(foldVietnamese(foldVietnamese(s))).toBe(foldVietnamese(s));
  });
});

describe('matchesFolded', () => {
  it.each([
    ['Lê Thị Thủy', 'thuy', true],
    ['Lê Thị Thủy', 'Thuỷ', true],
    ['Lê Thị Thuỷ', 'thủy', true],
    ['Lê Thị Thủy', 'le thuy', true],
    ['Lê Thị Thủy', 'thuy le', true],
    ['Lê Thị Thủy', 'th', true],
    ['Lê Thị Thủy', 'thuyy', false],
    ['Lê Thị Thủy', 'le hoa', false],
    ['Nguyễn Văn An', 'an', true],
    ['Trần Văn Toản', 'an', false],
    ['Trần Văn Toản', 'toan', true],
    ['Đặng Quốc Việt', 'dang', true],
    ['Đặng Quốc Việt', 'ĐẶNG VIỆT', true],
    ['Ngô Đình Ứng', 'dinh ung', true],
    ['Phạm Thị Hường', 'huong pham', true],
    ['Phạm Thị Hường', 'hung', false],
    ['Nguyễn Văn An (Chi bộ 3)', 'chi bo 3', true],
    ['Nguyễn Văn An', '', true],
    ['Nguyễn Văn An', '   ', true],
  ])('%j contains %j → %s', (hay, q, ok) => expect(matchesFolded(hay, q)).toBe(ok));
});

describe('givenNameFirst / compareVietnameseNames', () => {
  it('puts the given name first, folded', () => {
    expect(givenNameFirst('Nguyễn Văn An')).toBe('an nguyen van');
    expect(givenNameFirst('  Lê   Thị  Thủy ')).toBe('thuy le thi');
    expect(givenNameFirst('Đặng Đức')).toBe('duc dang');
    expect(givenNameFirst('Ánh')).toBe('anh');
    expect(givenNameFirst('')).toBe('');
  });

  it('orders a list as Vietnamese lists are: by given name, then family and middle names', () => {
    const list = ['Trần Văn Bình', 'Nguyễn Văn An', 'Lê Thị An', 'Phạm Minh Châu', 'Đỗ Bình'];
    expect([...list].sort(compareVietnameseNames)).toEqual([
      'Lê Thị An',
      'Nguyễn Văn An',
      'Đỗ Bình',
      'Trần Văn Bình',
      'Phạm Minh Châu',
    ]);
  });
});

describe('searchWords', () => {
  it.each([
    ['  Nguyễn  văn, An ', ['nguyen', 'van', 'an']],
    ['CB.03-Văn phòng', ['cb', '03', 'van', 'phong']],
    ['an an AN Ân', ['an']],
    ['a\u0000b', ['a', 'b']],
    ["%_\\' OR 1=1 --", ['or', '1']],
    ['', []],
    ['   ', []],
    ['🙂🙂', []],
  ])('%j → %j', (q, expected) => expect(searchWords(q)).toEqual(expected));

  it('bounds the words whatever the text', () => {
    expect(searchWords('x'.repeat(10_000))).toEqual(['x'.repeat(SEARCH_MAX_WORD_LENGTH)]);
    const many = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ');
    expect(searchWords(many)).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5'].slice(0, SEARCH_MAX_WORDS));
  });
});
