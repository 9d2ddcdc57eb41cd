#include "layers/FileModeText.h"

namespace wharf {

QString fileModeText(LayerEntry::Type type, quint32 mode)
{
    QString text(10, u'-');
    switch (type) {
    case LayerEntry::Type::File: break;
    case LayerEntry::Type::Hardlink: break; // a hard link is a file like any other
    case LayerEntry::Type::Directory: text[0] = u'd'; break;
    case LayerEntry::Type::Symlink: text[0] = u'l'; break;
    case LayerEntry::Type::CharDevice: text[0] = u'c'; break;
    case LayerEntry::Type::BlockDevice: text[0] = u'b'; break;
    case LayerEntry::Type::Fifo: text[0] = u'p'; break;
    case LayerEntry::Type::Whiteout: text[0] = u'w'; return text;
    case LayerEntry::Type::OpaqueDirectory: text[0] = u'o'; return text;
    }
    static constexpr char16_t kLetters[] = u"rwxrwxrwx";
    for (int i = 0; i < 9; ++i)
        if (mode & (0400u >> i))
            text[i + 1] = QChar(kLetters[i]);
    // set-uid, set-gid and sticky replace the x they sit on: lower case over x, upper case without.
    const auto special = [&text](int at, bool set, char16_t withX, char16_t withoutX) {
        if (set)
            text[at] = QChar(text[at] == u'x' ? withX : withoutX);
    };
    special(3, mode & 04000, u's', u'S');
    special(6, mode & 02000, u's', u'S');
    special(9, mode & 01000, u't', u'T');
    return text;
}

} // namespace wharf
