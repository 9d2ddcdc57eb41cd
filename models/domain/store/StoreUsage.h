#pragma once
// How the store's bytes divide among its images, by one rule for `wharf images`, the Local images
// pane and the Delete confirmation: for each image, its layer bytes split into shared (another
// stored image uses the layer too) and unique, and what deleting it frees — every blob it keeps
// (manifest, config, layers, the index it came from) that no other entry of index.json refers to,
// counted as the bytes on disk. ImageStore::usage() reads it; measure() recomputes the figures
// from the blob lists alone (after a removal) without touching the disk.

#include "documents/Descriptor.h"
#include "store/StoredImage.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace wharf {

struct ImageUsage
{
    StoredImage image;
    std::optional<QList<Descriptor>> layers; // nullopt: the manifest could not be read
    // Every blob the entry keeps that is in blobs/: digest → bytes on disk.
    QHash<QString, qint64> blobs;

    // Set by StoreUsage::measure().
    qint64 size = -1;   // layer bytes as the manifest gives them; -1 when it could not be read
    qint64 shared = 0;  // layer bytes another stored image uses too
    qint64 unique = 0;  // layer bytes only this image uses
    qint64 freeable = 0; // bytes on disk of the blobs no other entry keeps: what deleting it frees
};

struct StoreUsage
{
    QList<ImageUsage> images;  // Wharf's entries, in index.json order
    QSet<QString> otherBlobs;  // blobs that entries of other tools keep

    // The figures of every image, from `layers` and `blobs`.
    void measure();
    // Forgets image `i` (it was removed) and measures again.
    void removeAt(qsizetype i);
};

} // namespace wharf
