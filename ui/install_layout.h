// Where stllava-studio's installed files are, relative to the running program: the data folder
// (share/ of the install prefix, or of the build tree, which mirrors it: build/bin and build/share)
// and the application icon from its hicolor theme folder there. Nothing here names the build tree
// or an absolute prefix, so a package unpacked anywhere (dpkg -x, cmake --install --prefix) works.
#pragma once

#include <QIcon>
#include <QString>

namespace stllava::ui {

// <program folder>/<relative path from the install's bin to its share folder>, e.g. /usr/share.
QString installedDataDir();

// The icon in the standard sizes from <data>/icons/hicolor/<N>x<N>/apps/stllava-studio.png, else
// the desktop theme's "stllava-studio".
QIcon applicationIcon();

}  // namespace stllava::ui
