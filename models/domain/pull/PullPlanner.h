#pragma once
// What pulling an image will cost, against the local store: the one computation behind the Pull
// button's figure (PlatformModel) and the pull itself (PullJob), so the two never disagree. Each
// blob is Present (the store has it, from whichever registry) or Waiting, with the bytes an
// interrupted pull left in its ingest (resumedFrom); bytesToFetch is what will really cross the
// network for the layers: the missing bytes less the resumable ones and less the layers a listing
// already downloaded (LayerBlobCache: PullJob copies those in). The config is planned like a
// layer but not counted in bytesToFetch: it is read while the image is resolved, before the pull.
//
// Stats files (hasBlob, partial sizes): call it off the GUI thread.

#include "documents/Descriptor.h"
#include "pull/PullTypes.h"
#include "store/ImageStore.h"

namespace wharf {

class LayerBlobCache;

// `cache`, when given, holds layers a listing downloaded: those are copied in, not fetched.
[[nodiscard]] PullPlan planPull(const ImageStore &store, const Descriptor &config, const QList<Descriptor> &layers,
                                const LayerBlobCache *cache = nullptr);

} // namespace wharf
