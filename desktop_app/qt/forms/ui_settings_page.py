# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QFrame,
    QGroupBox, QLabel, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(760, 560)
        self.mainLayout = QVBoxLayout(SettingsPage)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(32, 28, 16, 12)
        self.headingLabel = QLabel(SettingsPage)
        self.headingLabel.setObjectName(u"headingLabel")

        self.mainLayout.addWidget(self.headingLabel)

        self.noteLabel = QLabel(SettingsPage)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.scrollArea = QScrollArea(SettingsPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.groupsLayout = QVBoxLayout(self.scrollContents)
        self.groupsLayout.setSpacing(16)
        self.groupsLayout.setObjectName(u"groupsLayout")
        self.groupsLayout.setContentsMargins(0, 0, 16, 0)
        self.languageGroup = QGroupBox(self.scrollContents)
        self.languageGroup.setObjectName(u"languageGroup")
        self.languageLayout = QFormLayout(self.languageGroup)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageLayout.setHorizontalSpacing(24)
        self.languageLayout.setVerticalSpacing(10)
        self.languageLabel = QLabel(self.languageGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.languageGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)


        self.groupsLayout.addWidget(self.languageGroup)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.groupsLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.mainLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.headingLabel.setText(QCoreApplication.translate("SettingsPage", u"Settings", None))
        self.noteLabel.setText(QCoreApplication.translate("SettingsPage", u"Store settings apply to every desk of the store and each change is recorded in the audit log. Device settings belong to this computer only.", None))
        self.languageGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Language of this desk", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"Language", None))
        pass
    # retranslateUi

