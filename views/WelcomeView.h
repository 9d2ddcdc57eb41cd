#pragma once
// The first thing a person sees: what Wharf is and which commands it offers today.

#include <QWidget>

namespace wharf {

class WelcomeView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeView)
public:
    explicit WelcomeView(QWidget *parent = nullptr);
};

} // namespace wharf
