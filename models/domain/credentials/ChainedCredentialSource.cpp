#include "credentials/ChainedCredentialSource.h"

#include <QPointer>

#include <algorithm>

namespace wharf {

ChainedCredentialSource::ChainedCredentialSource(std::vector<CredentialSource *> sources)
    : m_shared(std::make_shared<Shared>())
{
    std::erase(sources, nullptr);
    m_shared->sources = std::move(sources);
}

void ChainedCredentialSource::setWarningHandler(WarningHandler handler)
{
    m_shared->warn = std::move(handler);
}

void ChainedCredentialSource::Shared::warnOnce(const Error &error)
{
    {
        const std::lock_guard lock(mutex);
        if (!warn || warned.contains(error.message()))
            return;
        warned.insert(error.message());
    }
    warn(error);
}

void ChainedCredentialSource::lookup(const QString &registry, QObject *context, Callback done)
{
    lookupFrom(m_shared, 0, registry, context, std::nullopt, std::move(done));
}

void ChainedCredentialSource::lookupFrom(std::shared_ptr<Shared> shared, std::size_t index, const QString &registry,
                                         QObject *context, std::optional<Error> passedOver, Callback done)
{
    if (index >= shared->sources.size()) {
        // Nobody had anything: an advisory failure is all there is to say.
        Result<std::optional<Credentials>> none = std::nullopt;
        if (passedOver)
            none = wharf::unexpected(*passedOver);
        deliverLater(context, std::move(done), std::move(none));
        return;
    }
    CredentialSource *source = shared->sources[index];
    const bool advisory = source->failuresAreAdvisory();
    // Each source answers from `context`'s event loop, so the chain never recurses deeply and
    // never answers synchronously.
    source->lookup(registry, context,
                   [shared, index, registry, advisory, passedOver, context = QPointer(context),
                    done = std::move(done)](Result<std::optional<Credentials>> result) mutable {
                       if (!result && !advisory) {
                           done(std::move(result)); // a strict source failed: stop here
                           return;
                       }
                       if (result && *result && !(*result)->isEmpty()) {
                           if (passedOver)
                               shared->warnOnce(*passedOver);
                           done(std::move(result));
                           return;
                       }
                       if (!result && !passedOver)
                           passedOver = result.error();
                       if (context)
                           lookupFrom(std::move(shared), index + 1, registry, context, std::move(passedOver),
                                      std::move(done));
                   });
}

} // namespace wharf
