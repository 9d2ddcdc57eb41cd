#include "WelcomeView.h"

#include <QLabel>
#include <QVBoxLayout>

namespace wharf {

WelcomeView::WelcomeView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h1>Wharf</h1>"), this);
    auto *body = new QLabel(tr("Search Docker Hub and any OCI registry, list tags and their platforms, "
                               "and inspect an image's layers and history — without a Docker daemon.\n\n"
                               "From a terminal: wharf search QUERY · wharf tags REPO · wharf inspect REF"), this);
    body->setWordWrap(true);
    title->setAlignment(Qt::AlignCenter);
    body->setAlignment(Qt::AlignCenter);
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(body);
    layout->addStretch();
}

} // namespace wharf
