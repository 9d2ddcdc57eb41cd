#include "credentials/ChainedCredentialSource.h"

#include <QPointer>

#include <algorithm>

namespace wharf {

ChainedCredentialSource::ChainedCredentialSource(std::vector<CredentialSource *> sources)
{
    std::erase(sources, nullptr);
    m_sources = std::make_shared<const Sources>(std::move(sources));
}

void ChainedCredentialSource::lookup(const QString &registry, QObject *context, Callback done)
{
    lookupFrom(m_sources, 0, registry, context, std::move(done));
}

void ChainedCredentialSource::lookupFrom(std::shared_ptr<const Sources> sources, std::size_t index,
                                         const QString &registry, QObject *context, Callback done)
{
    if (index >= sources->size()) {
        deliverLater(context, std::move(done), Result<std::optional<Credentials>>(std::nullopt));
        return;
    }
    CredentialSource *source = (*sources)[index];
    // Each source answers from `context`'s event loop, so the chain never recurses deeply and
    // never answers synchronously.
    source->lookup(registry, context,
                   [sources, index, registry, context = QPointer(context),
                    done = std::move(done)](Result<std::optional<Credentials>> result) mutable {
                       if (!result || (*result && !(*result)->isEmpty())) {
                           done(std::move(result)); // credentials, or an error: stop here
                           return;
                       }
                       if (context)
                           lookupFrom(std::move(sources), index + 1, registry, context, std::move(done));
                   });
}

} // namespace wharf
